import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CommandSpec } from '../commands/spec.ts';
import { loadTopics, type Topic } from './briefing/topics.ts';
import type { ConsoleAdapter, ConsoleOptions } from './chat/console/adapter.ts';
import type { Config } from './config.ts';
import { createFetcher, fetchSettings } from './ingest/fetch/fetcher.ts';
import type { Fetcher } from './ingest/fetch/port.ts';
import type { ChatAdapter, InboundHandlers } from './model/chat-port.ts';
import { BriefwireError, reasonOf } from './model/errors.ts';
import { type Clock, scaledClock, systemClock } from './schedule/clock.ts';
import { createStore } from './store/create.ts';
import type { Stores } from './store/ports/port.ts';
import type { WebGrant } from './store/ports/web-access.ts';
import { issueSignin } from './web/access.ts';
import { createLinkSigner, type LinkSigner } from './web/links.ts';
import type { WebServer } from './web/server.ts';

/**
 * The one place that wires Briefwire: configuration → stores → topics → commands and
 * answerer → handlers → chat adapters → digest scheduler and feed poller. Nothing else
 * constructs an adapter or a fetcher, or hands one its commands. What only chat and serving
 * use (the commands, the answerer, the platforms, the scheduler) is imported when they start,
 * so a command such as `topics` does not pay for loading it.
 */
export interface App {
  config: Config;
  stores: Stores;
  topics: Topic[];
  /** Topic files that could not be read, to report once. */
  topicProblems: BriefwireError[];
  /** Fetches pages and feeds: public addresses only, plus BRIEFWIRE_FETCH_ALLOW. */
  fetcher: Fetcher;
  /** The system clock, or BRIEFWIRE_CLOCK's simulated one: stores, handlers and schedulers share it. */
  clock: Clock;
  close(): Promise<void>;
}

export async function openApp(config: Config): Promise<App> {
  const clock = config.clock ? scaledClock(config.clock) : systemClock;
  const stores = await createStore(config.db, config.clock ? { now: () => clock.now() } : {});
  const { topics, problems } = loadTopics(config.topicsDir);
  return {
    config,
    stores,
    topics,
    topicProblems: problems,
    fetcher: createFetcher(fetchSettings(config.fetchAllow)),
    clock,
    close: () => stores.close(),
  };
}

/** The chat commands and the handlers every platform shares. */
async function chatParts(
  app: App,
  log: (line: string) => void,
): Promise<{ commands: readonly CommandSpec[]; handlers: InboundHandlers }> {
  const [{ COMMANDS }, { createAnswerer }, { createHandlers }] = await Promise.all([
    import('../commands/index.ts'),
    import('./answer/index.ts'),
    import('./chat/handlers.ts'),
  ]);
  const publicUrl = app.config.web.publicUrl;
  const context = {
    stores: app.stores,
    topics: app.topics,
    timezone: app.config.timezone,
    now: () => app.clock.now(),
    fetcher: app.fetcher,
    feedEveryMs: app.config.feedEveryMs,
    briefingUrl: (id: number) => briefingUrl(app, id),
    ...(publicUrl
      ? {
          webSignin: (grant: WebGrant) =>
            issueSignin(app.stores, publicUrl, grant, app.clock.now()),
        }
      : {}),
  };
  const answer = createAnswerer(app.config.llm);
  return {
    commands: COMMANDS,
    handlers: createHandlers({ context, commands: COMMANDS, answer, log }),
  };
}

/** `briefwire chat`: the terminal as a chat platform, on the same commands and handlers. */
export async function startConsoleChat(
  app: App,
  io: Pick<ConsoleOptions, 'input' | 'output'>,
  log: (line: string) => void,
): Promise<ConsoleAdapter> {
  const [{ commands, handlers }, { createConsoleAdapter }] = await Promise.all([
    chatParts(app, log),
    import('./chat/console/adapter.ts'),
  ]);
  const adapter = createConsoleAdapter({ ...io, commands });
  await adapter.start(handlers);
  return adapter;
}

export interface Serving {
  platforms: string[];
  stop(): Promise<void>;
}

/** The configured platforms' adapters. Platform modules load only when configured: discord.js and Bolt cost half a second to load, which no other command should pay. */
async function platformAdapters(
  app: App,
  commands: readonly CommandSpec[],
  log: (line: string) => void,
): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (app.config.discord) {
    const { createDiscordAdapter } = await import('./chat/discord/adapter.ts');
    adapters.push(
      createDiscordAdapter(app.config.discord, {
        commands,
        log: (level, message) => log(`discord ${level}: ${message}`),
      }),
    );
  }
  if (app.config.slack) {
    const { createSlackAdapter } = await import('./chat/slack/index.ts');
    adapters.push(
      createSlackAdapter(app.config.slack, {
        commands,
        log: (message) => log(`slack: ${message}`),
        logLevel: app.config.logLevel,
        ...((await pagesBesideSlack(app, log)) ?? {}),
      }),
    );
  }
  return adapters;
}

/**
 * In Slack's HTTP mode with public pages and no port of their own, the pages share Slack's
 * PORT, beside /slack/events (one port to put behind the reverse proxy).
 */
async function pagesBesideSlack(
  app: App,
  log: (line: string) => void,
): Promise<{ pages: WebServer['handle'] } | null> {
  const { slack, web } = app.config;
  if (!slack || slack.appToken || !web.publicUrl || web.port !== null) return null;
  return { pages: (await webServer(app, log)).handle };
}

/** Stops what had started before a failure, logging (not throwing) what will not stop, so the first failure is the one reported. */
async function stopAll(
  parts: { stop(): Promise<void> }[],
  log: (line: string) => void,
): Promise<void> {
  for (const part of parts) {
    await part.stop().catch((e: unknown) => log(`stopping after a failed start: ${reasonOf(e)}`));
  }
}

/**
 * Starts every configured chat adapter on the shared handlers, then the digest scheduler. A
 * start that fails part-way stops what had started before the error goes up.
 */
export async function startServing(app: App, log: (line: string) => void): Promise<Serving> {
  const { commands, handlers } = await chatParts(app, log);
  const adapters = await platformAdapters(app, commands, log);
  if (adapters.length === 0) {
    throw new BriefwireError(
      'CONFIG_INVALID',
      'No chat platform is configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord, or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN for Slack (see .env.example). To try Briefwire without one: briefwire demo',
      'DISCORD_TOKEN',
    );
  }
  const started: ChatAdapter[] = [];
  for (const adapter of adapters) {
    try {
      await adapter.start(handlers);
    } catch (e) {
      // The failing adapter released what it opened (the ChatAdapter contract).
      await stopAll(started, log);
      throw e;
    }
    started.push(adapter);
    log(`${adapter.platform}: connected`);
  }
  // One name for this process among replicas: its digest claims and its feed leases.
  const replicaId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const [{ createScheduler }, { createFeedNotices }, { createFeedPoller }] = await Promise.all([
    import('./schedule/scheduler.ts'),
    import('./schedule/feed-notices.ts'),
    import('./schedule/feed-poller.ts'),
  ]);
  if (app.config.clock)
    log(
      `clock: simulated (BRIEFWIRE_CLOCK), now ${app.clock.now().toISOString()}, ${app.config.clock.speed}× real time`,
    );
  const scheduler = createScheduler({
    replicaId,
    clock: app.clock,
    stores: app.stores,
    topics: app.topics,
    adapters: started,
    policy: { graceMs: app.config.digestGraceMs },
    briefingUrl: (id) => briefingUrl(app, id),
    log: (level, message) => log(`digests ${level}: ${message}`),
  });
  try {
    await scheduler.start();
  } catch (e) {
    await stopAll([scheduler, ...started], log);
    throw e;
  }
  // A feed failing (or recovering) is told once to the channels whose digests rely on it.
  const notices = createFeedNotices(app.stores.subscriptions, async (target, reply) => {
    const adapter = started.find((a) => a.platform === target.platform);
    if (adapter) await adapter.post(target, reply);
  });
  const poller = createFeedPoller({
    replicaId,
    clock: app.clock,
    stores: app.stores,
    fetcher: app.fetcher,
    failingAfterMs: app.config.feedFailingAfterMs,
    onHealthChange: notices,
    log: (level, message) => log(`feeds ${level}: ${message}`),
  });
  poller.start();
  // The pages, beside the bot, when a port is given for them (BRIEFWIRE_WEB_PORT).
  const webPort = app.config.web.port;
  let pages: WebServing | null = null;
  try {
    if (webPort !== null) pages = await startWeb(app, { port: webPort, host: '0.0.0.0' }, log);
  } catch (e) {
    await stopAll([poller, scheduler, ...started], log);
    throw new BriefwireError(
      'CONFIG_INVALID',
      `BRIEFWIRE_WEB_PORT ${webPort}: ${reasonOf(e)}`,
      'BRIEFWIRE_WEB_PORT',
    );
  }
  if (pages) log(`web pages on port ${pages.port}`);
  return {
    platforms: started.map((a) => a.platform),
    async stop() {
      // A poll and deliveries in flight finish (and are recorded) before the platforms disconnect.
      await pages?.stop();
      await poller.stop();
      await scheduler.stop();
      for (const adapter of started) await adapter.stop();
    },
  };
}

/** Signs web links: BRIEFWIRE_WEB_SECRET, or a secret made on first start and kept in the store. */
export function webSigner(app: App): Promise<LinkSigner> {
  // Once per app: every briefing posted asks for a link, and the secret never changes.
  let signer = signers.get(app);
  if (!signer) {
    signer = (async () =>
      createLinkSigner(
        app.config.web.secret ??
          (await app.stores.settings.getOrCreate('web-link-secret', () =>
            randomBytes(32).toString('base64url'),
          )),
      ))();
    // A store that failed (down at that moment) is asked again next time.
    signer.catch(() => signers.delete(app));
    signers.set(app, signer);
  }
  return signer;
}

const signers = new WeakMap<App, Promise<LinkSigner>>();

/** The public page of a recorded briefing, when BRIEFWIRE_PUBLIC_URL says where pages live. */
export async function briefingUrl(app: App, briefingId: number | null): Promise<string | null> {
  if (!app.config.web.publicUrl || briefingId === null) return null;
  const { briefingPath } = await import('./web/server.ts');
  return `${app.config.web.publicUrl}${briefingPath(await webSigner(app), briefingId)}`;
}

/** The pages' server over this app's store, topics and link secret (loaded when first used). */
async function webServer(app: App, log: (line: string) => void): Promise<WebServer> {
  const { createWebServer } = await import('./web/server.ts');
  return createWebServer({
    stores: app.stores,
    topics: app.topics,
    signer: await webSigner(app),
    log,
    now: () => app.clock.now(),
    secureCookies: app.config.web.publicUrl?.startsWith('https:') ?? false,
    timezone: app.config.timezone,
    fetcher: app.fetcher,
    feedEveryMs: app.config.feedEveryMs,
  });
}

export interface WebServing {
  port: number;
  stop(): Promise<void>;
}

/** `briefwire web`: the briefing and article pages on their own. */
export async function startWeb(
  app: App,
  where: { port: number; host: string },
  log: (line: string) => void,
): Promise<WebServing> {
  const server = await webServer(app, log);
  const port = await server.listen(where.port, where.host);
  return { port, stop: () => server.close() };
}
