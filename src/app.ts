import { loadTopics, type Topic } from './briefing/topics.ts';
import { createHandlers } from './chat/handlers.ts';
import type { ChatAdapter } from './chat/port.ts';
import type { Config } from './config.ts';
import { BriefwireError } from './errors.ts';
import { createScheduler } from './schedule/scheduler.ts';
import { createStore } from './store/create.ts';
import type { Store } from './store/port.ts';

/** Wiring only: configuration → store → topics → chat adapters → digest scheduler. */
export interface App {
  config: Config;
  store: Store;
  topics: Topic[];
  /** Topic files that could not be read, to report once. */
  topicProblems: BriefwireError[];
  close(): Promise<void>;
}

export async function openApp(config: Config): Promise<App> {
  const store = await createStore(config.db);
  const { topics, problems } = loadTopics(config.topicsDir);
  return { config, store, topics, topicProblems: problems, close: () => store.close() };
}

export interface Serving {
  platforms: string[];
  stop(): Promise<void>;
}

/**
 * Starts every configured chat adapter on the shared handlers. Platform modules are loaded
 * only when configured: discord.js and Bolt cost half a second to load, which no other
 * command should pay.
 */
export async function startServing(app: App, log: (line: string) => void): Promise<Serving> {
  const adapters: ChatAdapter[] = [];
  if (app.config.discord) {
    const { createDiscordAdapter } = await import('./chat/discord/adapter.ts');
    adapters.push(
      createDiscordAdapter(app.config.discord, {
        log: (level, message) => log(`discord ${level}: ${message}`),
      }),
    );
  }
  if (app.config.slack) {
    const { createSlackAdapter } = await import('./chat/slack/index.ts');
    adapters.push(
      createSlackAdapter(app.config.slack, {
        log: (message) => log(`slack: ${message}`),
        logLevel: app.config.logLevel,
      }),
    );
  }
  if (adapters.length === 0) {
    throw new BriefwireError(
      'CONFIG_INVALID',
      'No chat platform is configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID for Discord, or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN for Slack (see .env.example). To try Briefwire without one: briefwire demo',
      'DISCORD_TOKEN',
    );
  }
  const handlers = createHandlers(
    { store: app.store, topics: app.topics, config: app.config, now: () => new Date() },
    { log },
  );
  const started: ChatAdapter[] = [];
  try {
    for (const adapter of adapters) {
      await adapter.start(handlers);
      started.push(adapter);
      log(`${adapter.platform}: connected`);
    }
  } catch (e) {
    for (const adapter of started) await adapter.stop();
    throw e;
  }
  const scheduler = createScheduler({
    store: app.store,
    topics: app.topics,
    adapters: started,
    policy: { graceMs: app.config.digestGraceMs },
    log: (level, message) => log(`digests ${level}: ${message}`),
  });
  try {
    await scheduler.start();
  } catch (e) {
    await scheduler.stop();
    for (const adapter of started) await adapter.stop();
    throw e;
  }
  return {
    platforms: started.map((a) => a.platform),
    async stop() {
      // Deliveries in flight finish (and are recorded) before the platforms disconnect.
      await scheduler.stop();
      for (const adapter of started) await adapter.stop();
    },
  };
}
