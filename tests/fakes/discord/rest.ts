import { FakeChannels } from './channels.ts';
import { IDS, type Json, message, snowflake, textChannel, threadChannel } from './payloads.ts';

/**
 * The fake REST API (/api/v10): just the routes the bot uses, recording every request, and
 * answering 429 with Discord's headers, or 5xx, where a test asks for it. Channel messages are
 * kept per channel (`channels`) for history reads and `enforce_nonce` repeats.
 */

export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10, without the query. */
  path: string;
  query: URLSearchParams;
  body: Json | Json[] | null;
  status: number;
  at: number;
}

/** A message the bot made visible (or edited), in the order it happened. */
export interface SentMessage {
  via: 'callback' | 'original' | 'followup' | 'channel';
  channelId: string;
  body: Json;
  message: Json | null;
}

export interface RestResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface RateLimitRule {
  method: string;
  path: RegExp;
  retryAfter: number;
}

interface FailureRule {
  method: string;
  path: RegExp;
  status: number;
  /** Requests still to fail. */
  left: number;
}

type Handler = (
  p: string[],
  one: Json,
  body: Json | Json[] | null,
  query: URLSearchParams,
) => RestResponse;

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  readonly sent: SentMessage[] = [];
  readonly commands = new Map<string, Json[]>();
  readonly threads = new Map<string, Json>();
  readonly channels = new FakeChannels();
  private readonly originals = new Map<string, Json>();
  private readonly rateLimits: RateLimitRule[] = [];
  private readonly failures: FailureRule[] = [];
  /**
   * Called when POST /channels/:id/messages has stored a new message, before the fake answers:
   * a test can kill the bot at the instant Discord has the message and the bot does not know.
   */
  onMessageStored?: ((channelId: string, message: Json) => void) | undefined;

  private readonly routes: Array<[string, RegExp, Handler]> = [
    [
      'GET',
      /^\/gateway\/bot$/,
      () =>
        ok({
          url: this.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        }),
    ],
    ['GET', COMMANDS, ([, guildId]) => ok(this.commands.get(guildId ?? 'global') ?? [])],
    [
      'PUT',
      COMMANDS,
      ([, guildId], _one, body) => {
        const saved = (body as Json[]).map((c) => apiCommand(c, guildId ?? null));
        this.commands.set(guildId ?? 'global', saved);
        return ok(saved);
      },
    ],
    [
      'POST',
      /^\/interactions\/(\d+)\/([^/]+)\/callback$/,
      (_p, one) => {
        if (one.type === 4)
          this.sent.push({
            via: 'callback',
            channelId: IDS.channel,
            body: (one.data ?? {}) as Json,
            message: null,
          });
        return { status: 204 };
      },
    ],
    [
      'PATCH',
      ORIGINAL,
      ([, token], one) => {
        const previous = this.originals.get(token!);
        const msg = message(IDS.channel, one, {
          ...(previous ? { id: previous.id } : {}),
          type: 20,
          webhook_id: IDS.app,
          application_id: IDS.app,
          edited_timestamp: new Date().toISOString(),
        });
        this.originals.set(token!, msg);
        this.channels.add(IDS.channel, msg);
        this.sent.push({ via: 'original', channelId: IDS.channel, body: one, message: msg });
        return ok(msg);
      },
    ],
    ['GET', ORIGINAL, ([, token]) => found(this.originals.get(token!))],
    ['DELETE', ORIGINAL, () => ({ status: 204 })],
    [
      'POST',
      /^\/webhooks\/(\d+)\/([^/]+)$/,
      (_p, one) => {
        const msg = message(IDS.channel, one, { webhook_id: IDS.app, application_id: IDS.app });
        this.channels.add(IDS.channel, msg);
        this.sent.push({ via: 'followup', channelId: IDS.channel, body: one, message: msg });
        return ok(msg);
      },
    ],
    [
      'POST',
      /^\/channels\/(\d+)\/messages$/,
      ([channelId], one) => {
        // Every channel post is the bot's: a repeated enforced nonce gets the first message.
        const repeat = this.channels.repeatOf(channelId!, one, IDS.bot);
        if (repeat) return ok(repeat);
        const msg = message(
          channelId!,
          one,
          typeof one.nonce === 'string' ? { nonce: one.nonce } : {},
        );
        this.channels.add(channelId!, msg, one.nonce);
        this.sent.push({ via: 'channel', channelId: channelId!, body: one, message: msg });
        this.onMessageStored?.(channelId!, msg);
        return ok(msg);
      },
    ],
    [
      'GET',
      /^\/channels\/(\d+)\/messages$/,
      ([channelId], _one, _body, query) =>
        ok(this.channels.latest(channelId!, Number(query.get('limit') ?? 50))),
    ],
    [
      'POST',
      /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/,
      ([channelId, messageId], one) => {
        const thread = threadChannel(snowflake(), channelId!, String(one.name ?? 'thread'));
        if (!this.channels.startThread(channelId!, messageId!, thread))
          return {
            status: 400,
            body: { code: 160004, message: 'A thread has already been created for this message' },
          };
        this.threads.set(String(thread.id), thread);
        this.onThread(thread);
        return { status: 201, body: thread };
      },
    ],
    [
      'GET',
      /^\/channels\/(\d+)$/,
      ([id]) => (id === IDS.channel ? ok(textChannel()) : found(this.threads.get(id!))),
    ],
  ];

  constructor(
    private readonly gatewayUrl: () => string,
    private readonly onThread: (thread: Json) => void,
  ) {}

  /** The next matching request is answered 429 with `retry-after` (seconds). */
  rateLimitNext(method: string, path: RegExp, retryAfter: number): void {
    this.rateLimits.push({ method, path, retryAfter });
  }

  /** The next `count` matching requests are answered with `status` (a 5xx); Infinity: all. */
  failNext(method: string, path: RegExp, count: number, status = 503): void {
    this.failures.push({ method, path, status, left: count });
  }

  /** The channel is deleted: every route on it answers 404 `{code: 10003, Unknown Channel}`. */
  deleteChannel(channelId: string): void {
    this.channels.deleted.add(channelId);
  }

  handle(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Json | Json[] | null,
  ): RestResponse {
    const record: RecordedRequest = { method, path, query, body, status: 0, at: Date.now() };
    this.requests.push(record);
    const response = this.route(method, path, query, body);
    record.status = response.status;
    return response;
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Json | Json[] | null,
  ): RestResponse {
    const channel = path.match(/^\/channels\/(\d+)/)?.[1];
    if (channel && this.channels.deleted.has(channel))
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    const failure = this.failures.find(
      (f) => f.left > 0 && f.method === method && f.path.test(path),
    );
    if (failure) {
      failure.left -= 1;
      return { status: failure.status, body: { message: 'Service Unavailable', code: 0 } };
    }
    const limit = this.rateLimits.findIndex((r) => r.method === method && r.path.test(path));
    if (limit >= 0) {
      const { retryAfter } = this.rateLimits.splice(limit, 1)[0]!;
      return {
        status: 429,
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-reset': String(Date.now() / 1000 + retryAfter),
          'x-ratelimit-bucket': 'fake-bucket',
          'x-ratelimit-scope': 'user',
        },
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
      };
    }
    const one = (body ?? {}) as Json;
    for (const [verb, pattern, handler] of this.routes) {
      const m = verb === method ? path.match(pattern) : null;
      if (m) return handler(m.slice(1) as string[], one, body, query);
    }
    return notFound();
  }
}

const COMMANDS = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/;
const ORIGINAL = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/;
const ok = (body: unknown): RestResponse => ({ status: 200, body });
const found = (body: Json | undefined): RestResponse => (body ? ok(body) : notFound());
const notFound = (): RestResponse => ({ status: 404, body: { message: 'Unknown', code: 0 } });

/** What the API stores for a command: ours plus the fields Discord adds. */
function apiCommand(c: Json, guildId: string | null): Json {
  return {
    id: snowflake(),
    application_id: IDS.app,
    version: snowflake(),
    type: 1,
    default_member_permissions: null,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    ...(guildId ? { guild_id: guildId } : {}),
    ...c,
    ...(Array.isArray(c.options) ? { options: c.options.map(apiOption) } : {}),
  };
}

/** Discord leaves `required: false` out of what it returns. */
function apiOption(o: Json): Json {
  const { required, options, ...rest } = o;
  return {
    ...rest,
    ...(required ? { required } : {}),
    ...(Array.isArray(options) ? { options: options.map(apiOption) } : {}),
  };
}
