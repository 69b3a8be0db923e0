import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSlackChannels, type StoredMessage } from './channels.ts';
import { createSocketHub, type SocketHub } from './socket.ts';

/**
 * A fake Slack on 127.0.0.1 for the real Bolt app: the Web API (`/api/<method>`, form-encoded
 * POSTs with a bearer token), a sink for response_url posts (`/respond/<name>`), and the
 * Socket Mode WebSocket (`/socket-mode`). It records everything it is sent, and keeps posted
 * messages per channel for conversations.history.
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

/** How the next calls of a method fail: HTTP 503 (or another status), or 429 + retry-after. */
export type Failure = { status: number } | { status: 429; retryAfter: number };

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
  /** Messages per channel; `channels.missing` / `channels.archived` make a channel fail. */
  readonly channels: FakeSlackChannels;
  /** Methods answered `missing_scope` (conversations.history without channels:history). */
  readonly missingScope: Set<string>;
  responseUrl(name: string): string;
  /** The next `method` call gets 429 `ratelimited` with this retry-after. */
  rateLimitNext(method: string, retryAfterSeconds: number): void;
  /** The next `count` calls of `method` fail so (Infinity: every call). */
  failNext(method: string, count: number, failure: Failure): void;
  /**
   * The next call of `method` is never answered nor carried out, like a platform that hangs;
   * resolves with its parameters when it arrives.
   */
  stallNext(method: string): Promise<Record<string, unknown>>;
  /** Forgets the failures still pending for `method`. */
  stopFailing(method: string): void;
  /** Successful calls of a method. */
  succeeded(method: string): ApiCall[];
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const responses: ResponsePost[] = [];
  const admins = new Set<string>();
  const channels = new FakeSlackChannels();
  const missingScope = new Set<string>();
  const limited = new Map<string, number>();
  const failing: Array<{ method: string; left: number; failure: Failure }> = [];
  const stalls = new Map<string, (params: Record<string, unknown>) => void>();
  const socket = createSocketHub();
  let seq = 0;
  let base = '';

  function webApi(method: string, params: Record<string, unknown>): Record<string, unknown> {
    if (missingScope.has(method))
      return {
        ok: false,
        error: 'missing_scope',
        needed: 'channels:history',
        provided: 'chat:write',
      };
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
        const error = channels.postError(channel);
        if (error) return { ok: false, error };
        const ts = `${1_700_000_000 + ++seq}.000100`;
        const metadata = params.metadata as StoredMessage['metadata'] | undefined;
        const stored: StoredMessage = {
          type: 'message',
          ts,
          text: String(params.text ?? ''),
          user: FAKE_BOT_USER,
          bot_id: 'BBOT',
          ...(params.thread_ts ? { thread_ts: String(params.thread_ts) } : {}),
          ...(metadata ? { metadata } : {}),
        };
        channels.add(channel, stored);
        channels.onMessageStored?.(channel, stored);
        return { ok: true, channel, ts, message: { ts, text: params.text } };
      }
      case 'conversations.history': {
        const channel = String(params.channel);
        if (channels.missing.has(channel)) return { ok: false, error: 'channel_not_found' };
        if (channels.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        const limit = Number(params.limit ?? 100);
        const messages = channels.history(channel, limit, params.include_all_metadata === 'true');
        return { ok: true, messages, has_more: false, pin_count: 0 };
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
    const stall = stalls.get(method);
    if (stall) {
      stalls.delete(method);
      return stall(params);
    }
    const failure = failing.find((f) => f.method === method && f.left > 0);
    if (failure) {
      failure.left -= 1;
      const f = failure.failure;
      const response = {
        ok: false,
        error: f.status === 429 ? 'ratelimited' : 'service_unavailable',
      };
      calls.push({ method, token, params, status: f.status, response });
      return reply(
        f.status,
        response,
        'retryAfter' in f ? { 'retry-after': String(f.retryAfter) } : {},
      );
    }
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
    notInChannel: channels.notInChannel,
    channels,
    missingScope,
    responseUrl: (name) => `${base}/respond/${name}`,
    rateLimitNext: (method, seconds) => void limited.set(method, seconds),
    failNext: (method, count, failure) => void failing.push({ method, left: count, failure }),
    stallNext: (method) => new Promise((resolve) => void stalls.set(method, resolve)),
    stopFailing(method) {
      for (const f of failing) if (f.method === method) f.left = 0;
    },
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
