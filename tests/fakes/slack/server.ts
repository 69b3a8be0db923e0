import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSocketHub, type SocketHub } from './socket.ts';

/**
 * A fake Slack on 127.0.0.1 for the real Bolt app: the Web API (`/api/<method>`, form-encoded
 * POSTs with a bearer token), a sink for response_url posts (`/respond/<name>`), and the
 * Socket Mode WebSocket (`/socket-mode`). It records everything it is sent.
 */

export interface ApiCall {
  method: string;
  token: string | null;
  params: Record<string, unknown>;
  /** The HTTP status the fake answered with. */
  status: number;
  /** The JSON it answered with (a posted message's `ts` is here). */
  response: Record<string, unknown>;
}

export interface ResponsePost {
  name: string;
  body: Record<string, unknown>;
}

export const FAKE_TEAM = 'T0FAKE';
export const FAKE_BOT_USER = 'UBOT';

export interface FakeSlack {
  readonly url: string;
  /** For SLACK_API_URL / `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  readonly calls: ApiCall[];
  readonly responses: ResponsePost[];
  readonly socket: SocketHub;
  /** Users users.info reports as workspace admins. */
  readonly admins: Set<string>;
  /** Channels where chat.postMessage answers `not_in_channel`. */
  readonly notInChannel: Set<string>;
  responseUrl(name: string): string;
  /** The next `method` call gets 429 `ratelimited` with this retry-after. */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** Successful calls of a method. */
  succeeded(method: string): ApiCall[];
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const admins = new Set<string>();
  const notInChannel = new Set<string>();
  const limited = new Map<string, number>();
  const socket = createSocketHub();
  let seq = 0;
  let base = '';

  function webApi(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          team_id: FAKE_TEAM,
          user_id: FAKE_BOT_USER,
          bot_id: 'BBOT',
          user: 'briefwire',
        };
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace(/^http/, 'ws')}/socket-mode?ticket=fake` };
      case 'users.info': {
        const id = String(params.user);
        return {
          ok: true,
          user: { id, name: `user-${id}`, is_admin: admins.has(id), is_owner: false, profile: {} },
        };
      }
      case 'chat.postMessage': {
        const channel = String(params.channel);
        if (notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        const ts = `${1_700_000_000 + ++seq}.000100`;
        return { ok: true, channel, ts, message: { ts, text: params.text } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${1_700_000_000 + ++seq}.000200` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const reply = (status: number, body: object, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (path.startsWith('/respond/')) {
      responses.push({ name: path.slice('/respond/'.length), body: JSON.parse(raw) });
      return reply(200, { ok: true });
    }
    if (!path.startsWith('/api/')) return reply(404, { ok: false, error: 'not_found' });
    const method = path.slice('/api/'.length);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null;
    const params = parseParams(raw, req.headers['content-type'] ?? '');
    const wait = limited.get(method);
    if (wait !== undefined) {
      limited.delete(method);
      const response = { ok: false, error: 'ratelimited' };
      calls.push({ method, token, params, status: 429, response });
      return reply(429, response, { 'retry-after': String(wait) });
    }
    const response = webApi(method, params);
    calls.push({ method, token, params, status: 200, response });
    reply(200, response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  server.on('upgrade', (req, sock, head) => {
    if (req.url?.startsWith('/socket-mode')) socket.upgrade(req, sock, head);
    else sock.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    responses,
    socket,
    admins,
    notInChannel,
    responseUrl: (name) => `${base}/respond/${name}`,
    rateLimitNext: (method, seconds) => void limited.set(method, seconds),
    succeeded: (method) => calls.filter((c) => c.method === method && c.status === 200),
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The Web API client form-encodes, with objects (blocks) as JSON strings. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  }
  return out;
}
