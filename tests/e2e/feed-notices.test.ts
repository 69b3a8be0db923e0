import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { createDiscordAdapter } from '../../src/chat/discord/adapter.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/chat/slack/index.ts';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';
import type { ChatAdapter, InboundHandlers } from '../../src/model/chat-port.ts';
import { textReply } from '../../src/model/reply.ts';
import type { Clock } from '../../src/schedule/clock.ts';
import { createFeedNotices } from '../../src/schedule/feed-notices.ts';
import { createFeedPoller } from '../../src/schedule/feed-poller.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { IDS } from '../fakes/discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { tempDir } from '../helpers/cli.ts';
import { neverTicks } from '../helpers/clock.ts';
import {
  type NewsServer,
  rssFeed,
  startNewsServer,
  storyParagraphs,
} from '../helpers/news-server.ts';

/**
 * "Feed failing" and "recovered", told once each to the channels whose digests rely on the
 * feed, through the real discord.js and Bolt clients against the fakes, on an injected clock:
 * a feed down for longer than the setting is told once however often it is polled, and told
 * again once when it works. A channel subscribed to another topic hears nothing.
 */

const MINUTE = 60_000;
const tmp = tempDir();
let news: NewsServer;
let stores: Stores;
let discord: FakeDiscord;
let slack: FakeSlack;
let adapters: ChatAdapter[] = [];
/** Nobody types anything here: the notices are all that is posted. */
const idle: InboundHandlers = {
  command: async () => textReply('unused'),
  autocomplete: async () => [],
  briefingPosted: async () => {},
  threadMessage: async () => null,
};

beforeAll(async () => {
  news = await startNewsServer();
  news.route('/harbour.xml', { status: 503, body: 'down for maintenance' });
  stores = await createStore(join(tmp.dir, 'notices.db'));
  discord = await startFakeDiscord();
  slack = await startFakeSlack();
  const d = createDiscordAdapter(
    {
      token: 'fake-bot-token',
      applicationId: IDS.app,
      guildId: IDS.guild,
      apiUrl: discord.apiUrl,
      messageContent: false,
    },
    { commands: COMMANDS, log: () => {} },
  );
  const s: SlackAdapter = createSlackAdapter(
    {
      botToken: 'xoxb-fake',
      signingSecret: 'secret',
      appToken: null,
      apiUrl: slack.apiUrl,
      port: 0,
      managers: [],
    },
    { commands: COMMANDS, host: '127.0.0.1', retryConfig: { retries: 0 }, log: () => {} },
  );
  await d.start(idle);
  await s.start(idle);
  adapters = [d, s];
  const sub = { schedule: 'daily 08:00', timezone: 'UTC', createdBy: 'U1' };
  await stores.subscriptions.save({
    ...sub,
    platform: 'discord',
    workspace: IDS.guild,
    channel: IDS.channel,
    topic: 'harbour',
  });
  await stores.subscriptions.save({
    ...sub,
    platform: 'slack',
    workspace: FAKE_TEAM,
    channel: 'C0NEWS',
    topic: 'harbour',
  });
  await stores.subscriptions.save({
    ...sub,
    platform: 'slack',
    workspace: FAKE_TEAM,
    channel: 'C0OTHER',
    topic: 'elections',
  });
  await stores.feeds.add({ url: news.url('/harbour.xml'), topic: 'harbour', everyMs: 15 * MINUTE });
});
afterAll(async () => {
  for (const a of adapters) await a.stop();
  await discord?.close();
  await slack?.close();
  await stores?.close();
  await news?.close();
  tmp.cleanup();
});

it('tells the subscribed channels once that a feed is failing, and once that it recovered', async () => {
  let now = Date.now() + 1000;
  const clock: Clock = { now: () => new Date(now), sleep: async () => {}, everyMinute: neverTicks };
  const poller = createFeedPoller({
    stores,
    fetcher: createFetcher(fetchSettings(['127.0.0.1'], { perHostDelayMs: 0 })),
    failingAfterMs: 60 * MINUTE,
    clock,
    onHealthChange: createFeedNotices(stores.subscriptions, async (target, reply) => {
      const adapter = adapters.find((a) => a.platform === target.platform);
      await adapter?.post(target, reply);
    }),
  });
  const discordNotices = () =>
    discord.rest.sent.filter(
      (m) => m.via === 'channel' && JSON.stringify(m.body).includes('Feed '),
    );
  const slackNotices = (channel: string) =>
    slack
      .succeeded('chat.postMessage')
      .filter((c) => c.params.channel === channel && String(c.params.text).includes('Feed '));
  /** Polls whatever is due, hour by hour (the backoff grows past the interval). */
  const pollFor = async (hours: number) => {
    for (let h = 0; h < hours; h++) {
      await poller.runDue();
      now += 60 * MINUTE;
    }
  };

  await pollFor(1); // failing, not yet for an hour
  expect(discordNotices()).toHaveLength(0);
  await pollFor(6); // failing for hours, polled several times
  expect(discordNotices()).toHaveLength(1);
  expect(JSON.stringify(discordNotices()[0]!.body)).toMatch(
    /harbour\.xml\) has been failing since .*503/,
  );
  expect(slackNotices('C0NEWS')).toHaveLength(1);
  expect(slackNotices('C0OTHER')).toHaveLength(0);

  news.route('/harbour.xml', {
    contentType: 'application/rss+xml',
    body: rssFeed('Harbour', [
      {
        id: 'urn:harbour:1',
        title: 'Harbour reopens',
        link: news.url('/news/reopens'),
        content: storyParagraphs('The harbour master', 3)
          .map((p) => `<p>${p}</p>`)
          .join(''),
      },
    ]),
  });
  await pollFor(30); // the backoff is at most a day
  expect(discordNotices()).toHaveLength(2);
  expect(JSON.stringify(discordNotices()[1]!.body)).toMatch(/harbour\.xml\) is working again/);
  expect(slackNotices('C0NEWS')).toHaveLength(2);
  await pollFor(3);
  expect(discordNotices()).toHaveLength(2);
  expect(slackNotices('C0NEWS')).toHaveLength(2);
}, 60_000);
