import { COMMANDS } from '../../commands/index.ts';
import { createDiscordAdapter } from '../../src/chat/discord/adapter.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/chat/slack/index.ts';
import type { ChatAdapter, InboundHandlers } from '../../src/model/chat-port.ts';
import { IDS, type Json } from '../fakes/discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';

/**
 * One face for both fake platforms, so the scheduler's tests run unchanged on Discord and on
 * Slack: start the fake, connect a real adapter to it, read back the digests a channel holds,
 * and inject the faults each platform really produces.
 */

export interface PostedDigest {
  key: string;
  /** Everything the message shows, as one string. */
  shown: string;
}

export interface PlatformUnderTest {
  name: 'discord' | 'slack';
  workspace: string;
  /** A channel id in the platform's own shape. */
  channel(n: number): string;
  /** A real adapter, started against the fake. */
  connect(handlers: InboundHandlers): Promise<ChatAdapter>;
  /** The digests in a channel, oldest first. */
  digests(channel: string): PostedDigest[];
  /** The next post is answered 429 with a one-second retry-after. */
  rateLimitNextPost(): void;
  /** The next `n` posts are answered 503. */
  failNextPosts(n: number): void;
  /** The channel is deleted (Discord) or not found (Slack) from now on. */
  removeChannel(channel: string): void;
  /** Requests that reached the channel, any kind. */
  requestsTo(channel: string): number;
  close(): Promise<void>;
}

/** A real discord.js adapter, started against the fake Discord at `apiUrl`. */
export async function connectDiscord(
  apiUrl: string,
  handlers: InboundHandlers,
): Promise<ChatAdapter> {
  const adapter = createDiscordAdapter(
    {
      token: 'fake-bot-token',
      applicationId: IDS.app,
      guildId: IDS.guild,
      apiUrl,
      messageContent: false,
    },
    { commands: COMMANDS, log: () => {}, rest: { retries: 0 } },
  );
  await adapter.start(handlers);
  return adapter;
}

/** A real Bolt adapter in HTTP mode on a free port, started against the fake Slack at `apiUrl`. */
export async function connectSlack(
  apiUrl: string,
  handlers: InboundHandlers,
): Promise<SlackAdapter> {
  const adapter = createSlackAdapter(
    {
      botToken: 'xoxb-fake',
      signingSecret: 'secret',
      appToken: null,
      apiUrl,
      port: 0,
      managers: [],
    },
    { commands: COMMANDS, host: '127.0.0.1', retryConfig: { retries: 0 }, log: () => {} },
  );
  await adapter.start(handlers);
  return adapter;
}

const REF = /\bref (\d+@[\dT:-]+Z)/;

export async function fakeDiscord(): Promise<PlatformUnderTest> {
  const fake: FakeDiscord = await startFakeDiscord();
  const adapters: ChatAdapter[] = [];
  return {
    name: 'discord',
    workspace: IDS.guild,
    channel: (n) => `${900_000_000_000_000_000n + BigInt(n)}`,
    async connect(handlers) {
      const adapter = await connectDiscord(fake.apiUrl, handlers);
      adapters.push(adapter);
      return adapter;
    },
    digests(channel) {
      return fake.rest.channels
        .latest(channel, 100)
        .reverse()
        .flatMap((m) => {
          const shown = JSON.stringify([m.content, m.embeds]);
          const key = REF.exec(shown)?.[1];
          return key ? [{ key, shown }] : [];
        });
    },
    rateLimitNextPost: () => fake.rest.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 1),
    failNextPosts: (n) => fake.rest.failNext('POST', /^\/channels\/\d+\/messages$/, n, 503),
    removeChannel: (channel) => fake.rest.deleteChannel(channel),
    requestsTo: (channel) =>
      fake.rest.requests.filter((r) => r.path.startsWith(`/channels/${channel}/`)).length,
    async close() {
      for (const a of adapters) await a.stop();
      await fake.close();
    },
  };
}

export async function fakeSlack(): Promise<PlatformUnderTest> {
  const fake: FakeSlack = await startFakeSlack();
  const adapters: ChatAdapter[] = [];
  return {
    name: 'slack',
    workspace: FAKE_TEAM,
    channel: (n) => `C0CHAN${n}`,
    async connect(handlers) {
      const adapter = await connectSlack(fake.apiUrl, handlers);
      adapters.push(adapter);
      return adapter;
    },
    digests(channel) {
      return fake.channels
        .history(channel, 1000, true)
        .reverse()
        .flatMap((m) => {
          const payload = m.metadata?.event_payload as Json | undefined;
          const key = m.metadata?.event_type === 'briefwire_digest' ? payload?.key : undefined;
          const call = fake.calls.find(
            (c) =>
              c.method === 'chat.postMessage' &&
              c.params.channel === channel &&
              c.response.ts === m.ts,
          );
          const shown = JSON.stringify([m.text, call?.params.blocks ?? null]);
          return typeof key === 'string' ? [{ key, shown }] : [];
        });
    },
    rateLimitNextPost: () => fake.rateLimitNext('chat.postMessage', 1),
    failNextPosts: (n) => fake.failNext('chat.postMessage', n, { status: 503 }),
    removeChannel: (channel) => void fake.channels.missing.add(channel),
    requestsTo: (channel) => fake.calls.filter((c) => c.params.channel === channel).length,
    async close() {
      for (const a of adapters) await a.stop();
      await fake.close();
    },
  };
}
