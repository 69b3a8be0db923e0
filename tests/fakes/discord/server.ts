import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.ts';
import { botUser, humanUser, IDS, interaction, type Json, message, snowflake } from './payloads.ts';
import { FakeRest } from './rest.ts';

/**
 * A fake Discord on 127.0.0.1: REST under /api/v10 and the gateway over WebSocket, for the
 * real discord.js client (`rest: { api: fake.apiUrl }`). Tests act as Discord's users with
 * `command`, `autocomplete` and `threadMessage`, and read what the bot did from `rest`.
 */

export interface FakeDiscord {
  apiUrl: string;
  rest: FakeRest;
  gateway: FakeGateway;
  /** A slash command invocation; returns the interaction's token. */
  command(name: string, options: Json[], opts?: { canManage?: boolean }): string;
  /** An autocomplete request; returns the interaction's token. */
  autocomplete(name: string, options: Json[]): string;
  /** A person's message in a channel or thread, optionally mentioning the bot. */
  userMessage(channelId: string, content: string, mentionsBot: boolean): void;
  close(): Promise<void>;
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  let port = 0;
  const base = (): string => `127.0.0.1:${port}`;
  const gateway = new FakeGateway(() => `ws://${base()}/gateway-resume`);
  const rest = new FakeRest(
    () => `ws://${base()}/gateway`,
    (thread) => {
      gateway.threads.push(thread);
      gateway.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    },
  );

  const server = createServer((req, res) => void serveRest(rest, req, res));
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/gateway')) return socket.destroy();
    gateway.server.handleUpgrade(req, socket, head, (ws) =>
      gateway.server.emit('connection', ws, req),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  let tokens = 0;
  const invoke = (type: 2 | 4, name: string, options: Json[], canManage: boolean): string => {
    tokens += 1;
    const token = `interaction-token-${tokens}`;
    gateway.dispatch('INTERACTION_CREATE', interaction({ type, name, options, token, canManage }));
    return token;
  };

  return {
    apiUrl: `http://${base()}/api`,
    rest,
    gateway,
    command: (name, options, opts = {}) => invoke(2, name, options, opts.canManage ?? false),
    autocomplete: (name, options) => invoke(4, name, options, false),
    userMessage(channelId, content, mentionsBot) {
      gateway.dispatch(
        'MESSAGE_CREATE',
        message(
          channelId,
          { content },
          {
            id: snowflake(),
            guild_id: IDS.guild,
            // Discord says what kind of channel it is, so even an uncached thread is known as one.
            channel_type: channelId === IDS.channel ? 0 : 11,
            author: humanUser(),
            member: {
              roles: [],
              joined_at: new Date().toISOString(),
              deaf: false,
              mute: false,
              flags: 0,
            },
            mentions: mentionsBot ? [botUser()] : [],
          },
        ),
      );
    },
    async close() {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveRest(rest: FakeRest, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
  const body =
    raw && req.headers['content-type']?.includes('json') ? (JSON.parse(raw) as Json) : null;
  const out = rest.handle(req.method ?? 'GET', path, url.searchParams, body);
  const headers: Record<string, string> = { ...out.headers };
  if (out.body !== undefined) headers['content-type'] = 'application/json';
  res.writeHead(out.status, headers);
  res.end(out.body === undefined ? undefined : JSON.stringify(out.body));
}
