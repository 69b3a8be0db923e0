import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type AppOptions, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { ChatAdapter, InboundHandlers } from '../../model/chat-port.ts';
import type { CommandDeclaration } from '../../model/command.ts';
import { BriefwireError, reasonOf } from '../../model/errors.ts';
import type { LogLevel } from '../../model/log-level.ts';
import type { ChannelRef, Posted, ThreadRef } from '../../model/refs.ts';
import { briefingIdOf, type Reply } from '../../model/reply.ts';
import { renderSlack } from '../../render/slack.ts';
import { slackDeliveryError } from './delivery-errors.ts';
import { digestMetadata, findDigestTs } from './digests.ts';
import { handleSlashCommand, handleThreadMessage, type InboundDeps } from './inbound.ts';
import { boltLevel, boltLogger } from './logger.ts';
import { DEFAULT_RATE_LIMIT_POLICY, type RateLimitPolicy } from './rate-limit.ts';
import { createSender, type SlackMetadata } from './sender.ts';
import type { SlackSettings } from './settings.ts';
import { dropSocket, startSocketMode } from './socket-start.ts';
import {
  createStartGate,
  SLACK_REQUEST_TIMEOUT_MS,
  SOCKET_MODE_RETRIES,
  type StartStep,
  WEB_API_RETRIES,
} from './start-bound.ts';
import { createUserDirectory } from './users.ts';

/**
 * Slack through the real Bolt app: Socket Mode when an app-level token is configured, else
 * HTTP (Events API and slash commands at POST /slack/events, signatures checked by Bolt).
 * Slash commands are acknowledged before any work; briefings are posted with chat.postMessage
 * so their ts opens the thread where replies and mentions are answered. Scheduled digests carry
 * their key as message metadata; finding one again (`findDigest`) reads the channel's history,
 * which needs the channels:history and groups:history scopes (without them it finds nothing).
 */

export type RetryConfig = NonNullable<AppOptions['clientOptions']>['retryConfig'];

export interface SlackAdapterOptions {
  /** HTTP mode: the address to listen on (default: every interface). */
  host?: string;
  /**
   * The Web API clients' retry policy for failed requests once started (tests: `{ retries: 0 }`);
   * nothing is retried while starting.
   */
  retryConfig?: RetryConfig;
  /** How 429 answers are waited out. */
  rateLimit?: Partial<RateLimitPolicy>;
  log?: (message: string) => void;
  logLevel?: LogLevel;
  /** The declared commands (commands/, handed over by src/app.ts). */
  commands: readonly CommandDeclaration[];
  /** The app's one slash command, as in slack/manifest.json (default `/brief`). */
  slashCommand?: string;
  /** The declared command that `/brief <words>` runs when the words name no subcommand. */
  mainCommand?: string;
  /** HTTP mode: Briefwire's web pages, served beside /slack/events on the same port. */
  pages?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export interface SlackAdapter extends ChatAdapter {
  readonly mode: 'http' | 'socket';
  /** HTTP mode: the port listened on once started (useful with PORT=0); null otherwise. */
  listeningPort(): number | null;
}

/** How long a failed start waits for the receiver to stop before reporting the failure. */
const RELEASE_GRACE_MS = 5_000;

export function createSlackAdapter(
  config: SlackSettings,
  options: SlackAdapterOptions,
): SlackAdapter {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const logLevel = options.logLevel ?? 'warn';
  const logger = boltLogger(logLevel, log);
  const mode = config.appToken ? 'socket' : 'http';
  const apiUrl = config.apiUrl ? config.apiUrl.replace(/\/?$/, '/') : undefined;
  const gate = createStartGate();
  const clientOptions = (libraryRetries: NonNullable<RetryConfig>) => ({
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    timeout: SLACK_REQUEST_TIMEOUT_MS,
    retryConfig: gate.retries(options.retryConfig ?? libraryRetries),
  });

  let receiver: Receiver;
  let httpServer: Server | null = null;
  if (config.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      logLevel: boltLevel(logLevel),
      installerOptions: { clientOptions: clientOptions(SOCKET_MODE_RETRIES) },
    });
  } else {
    if (!config.signingSecret)
      throw new BriefwireError(
        'CONFIG_INVALID',
        'SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is required',
        'SLACK_SIGNING_SECRET',
      );
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: '/slack/events',
      logger,
      logLevel: boltLevel(logLevel),
      customRoutes: [
        { path: '/healthz', method: 'GET', handler: (_req, res) => void res.end('ok') },
        ...pageRoutes(options.pages),
      ],
    });
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logger,
    logLevel: boltLevel(logLevel),
    // 429s are waited out by withRateLimit, not by the client's general retries.
    clientOptions: { ...clientOptions(WEB_API_RETRIES), rejectRateLimitedCalls: true },
    // auth.test runs in start(), where its failure is an error we can report.
    deferInitialization: true,
    convoStore: false,
  });
  app.error(async (e) => log(`slack: ${e.message}`));

  const policy: RateLimitPolicy = {
    ...DEFAULT_RATE_LIMIT_POLICY,
    onWait: (ms) => log(`slack: rate limited, retrying in ${Math.round(ms / 1000)} s`),
    ...options.rateLimit,
  };
  const sender = createSender(app.client, policy);
  const users = createUserDirectory(
    (user) => app.client.users.info({ user }),
    config.managers,
    log,
  );
  let handlers: InboundHandlers | null = null;
  let started = false;

  /**
   * Posts a reply; when it is a recorded briefing (or a digest of one), every message it took
   * leads to it. A failed link is logged: the post itself stands.
   */
  async function postReply(
    where: ChannelRef,
    reply: Reply,
    threadTs?: string,
    metadata?: SlackMetadata,
  ): Promise<string[]> {
    const ts = await sender.post(where.channel, renderSlack(reply), threadTs, metadata);
    const briefingId = briefingIdOf(reply);
    if (briefingId !== null && handlers && !threadTs) {
      for (const t of ts) {
        const thread: ThreadRef = { ...where, platform: 'slack', thread: t };
        await handlers
          .briefingPosted(thread, briefingId)
          .catch((e: unknown) =>
            log(`slack: could not link thread ${t} to its briefing: ${reasonOf(e)}`),
          );
      }
    }
    return ts;
  }

  const deps = (): InboundDeps => {
    if (!handlers)
      throw new BriefwireError(
        'PLATFORM_FAILED',
        'the Slack adapter has not been started',
        config.apiUrl ?? 'slack.com',
      );
    return {
      handlers,
      sender,
      users,
      commands: options.commands,
      mainCommand: options.mainCommand ?? 'brief',
      slash: options.slashCommand ?? '/brief',
      postReply,
      log,
    };
  };

  app.command(options.slashCommand ?? '/brief', async ({ command, ack, respond }) => {
    await ack();
    // The briefing's work is mostly synchronous (SQLite, analysis): let the acknowledgements of
    // commands that arrived meanwhile go out first, so none waits behind another's briefing.
    await new Promise((resolve) => setImmediate(resolve));
    await handleSlashCommand(deps(), command, respond);
  });

  app.event('app_mention', async ({ event, body, context }) => {
    // A mention outside a thread is not about a briefing.
    if (!event.thread_ts || !event.user) return;
    await handleThreadMessage(deps(), {
      team: body.team_id ?? null,
      channel: event.channel,
      threadTs: event.thread_ts,
      ts: event.ts,
      text: event.text,
      user: event.user,
      botUserId: context.botUserId ?? null,
    });
  });

  app.message(async ({ message, body, context }) => {
    const m = message as {
      subtype?: string;
      channel: string;
      ts: string;
      thread_ts?: string;
      text?: string;
      user?: string;
      bot_id?: string;
    };
    const inThread = m.thread_ts !== undefined && m.thread_ts !== m.ts;
    const plain = m.subtype === undefined || m.subtype === 'thread_broadcast';
    if (!inThread || !plain || !m.user || m.bot_id || !m.thread_ts) return;
    // A mention of the bot also arrives as app_mention, which answers it.
    if (context.botUserId && m.text?.includes(`<@${context.botUserId}`)) return;
    await handleThreadMessage(deps(), {
      team: body.team_id ?? null,
      channel: m.channel,
      threadTs: m.thread_ts,
      ts: m.ts,
      text: m.text ?? '',
      user: m.user,
      botUserId: context.botUserId ?? null,
    });
  });

  return {
    platform: 'slack',
    mode,

    async start(h: InboundHandlers): Promise<void> {
      handlers = h;
      const api = apiUrl ?? 'https://slack.com/api/';
      let step: StartStep = { what: 'auth.test', input: api };
      try {
        await gate.run(
          async () => {
            await app.init();
            if (mode === 'http') {
              step = { what: 'the HTTP listener', input: `port ${config.port}` };
              const listen = { port: config.port, ...(options.host ? { host: options.host } : {}) };
              httpServer = (await (receiver as HTTPReceiver).start(listen)) as Server;
            } else {
              step = { what: 'apps.connections.open', input: api };
              await startSocketMode(receiver as SocketModeReceiver, (url) => {
                step = { what: 'the Socket Mode WebSocket', input: url };
              });
            }
          },
          () => step,
        );
      } catch (e) {
        // A receiver whose start failed may hold a socket or a port: release it, report the first failure.
        await releaseAfterFailedStart();
        throw e;
      }
      started = true;
      log(
        mode === 'http'
          ? `slack: listening for events at POST /slack/events on port ${listeningPort()}`
          : 'slack: connected in Socket Mode',
      );
    },

    async post(target: ChannelRef, reply: Reply): Promise<Posted> {
      const metadata = reply.kind === 'digest' ? digestMetadata(reply.digest.key) : undefined;
      let ts: string | undefined;
      try {
        [ts] = await postReply(target, reply, undefined, metadata);
      } catch (e) {
        throw slackDeliveryError(e, target.channel);
      }
      if (!ts) throw slackDeliveryError(new Error('nothing was posted'), target.channel);
      return { ...target, platform: 'slack', thread: ts, messageId: ts };
    },

    async findDigest(target: ChannelRef, key: string): Promise<Posted | null> {
      let ts: string | null;
      try {
        ts = await findDigestTs(app.client, target.channel, key, policy, log);
      } catch (e) {
        throw slackDeliveryError(e, target.channel, 'history read');
      }
      return ts === null ? null : { ...target, platform: 'slack', thread: ts, messageId: ts };
    },

    async reply(thread: ThreadRef, reply: Reply): Promise<void> {
      await postReply(thread, reply, thread.thread);
    },

    async stop(): Promise<void> {
      if (!started) return;
      started = false;
      httpServer?.closeIdleConnections();
      await app.stop();
      httpServer = null;
    },

    listeningPort,
  };

  /** Stops the receiver (its reconnects too); one that will not stop in time is left to exit with the process. */
  async function releaseAfterFailedStart(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, RELEASE_GRACE_MS).unref();
    });
    await Promise.race([app.stop().catch(() => {}), grace]);
    clearTimeout(timer);
    if (mode === 'socket') dropSocket(receiver as SocketModeReceiver);
    httpServer = null;
  }

  function listeningPort(): number | null {
    const address = httpServer?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : null;
  }
}

/** The web pages' routes on Bolt's HTTP receiver, when the pages are served beside it. */
function pageRoutes(pages: SlackAdapterOptions['pages']) {
  if (!pages) return [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => void pages(req, res);
  const read = [
    '/b/:token',
    '/a/:token',
    '/t/:token',
    '/style.css',
    '/panel',
    '/panel/topics/:slug',
  ];
  // The control panel's forms: sign-in, sign-out, and the changes to digests and feeds.
  const forms = [
    '/signin/:token',
    '/signout',
    '/panel/digests/:id/:change',
    '/panel/feeds/add',
    '/panel/feeds/:id/remove',
  ];
  return [
    ...read.map((path) => ({ path, method: ['GET', 'HEAD'], handler })),
    ...forms.map((path) => ({ path, method: ['GET', 'POST'], handler })),
  ];
}
