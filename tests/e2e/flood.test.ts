import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createDiscordAdapter } from '../../src/chat/discord/adapter.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/chat/slack/index.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ChatAdapter, InboundHandlers } from '../../src/model/chat-port.ts';
import { threadKey } from '../../src/model/refs.ts';
import { MAX_MESSAGES_PER_REPLY as DISCORD_MAX } from '../../src/render/discord-embeds.ts';
import { MESSAGE_TEXT, MAX_MESSAGES_PER_REPLY as SLACK_MAX } from '../../src/render/slack.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { IDS } from '../fakes/discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { waitFor as waitForDiscord } from '../fakes/discord/wait.ts';
import { commandForm, postSigned } from '../fakes/slack/requests.ts';
import { FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor as waitForSlack } from '../fakes/slack/wait.ts';
import { tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';

/**
 * Issue #13: one /brief over hostile articles (a 100,000-character token in a lead sentence,
 * headlines and outlets of thousands of characters, 2,000-character links, fifty of them) posts
 * at most MAX_MESSAGES_PER_REPLY messages, through the real discord.js and Bolt clients against
 * the fake platforms on 127.0.0.1, over a real SQLite store filled by ingest.
 */

const SLUG = 'portline-ferry';
const SECRET = 'flood-signing-secret';
const TOKEN = 'z'.repeat(100_000);
const ARTICLES = 50;

function article(i: number): Record<string, string> {
  const lead =
    i === 1
      ? `Mara Quist said the Portline ferry ${TOKEN} will stop on Monday.`
      : `Mara Quist said the Portline ferry will stop its crossing number ${i} on Monday.`;
  return {
    title: `Portline ferry crossing ${i} ${'and the harbour '.repeat(300)}`,
    source: `Marrowby Courier ${'edition '.repeat(400)}`,
    url: `https://portline.example/ferry/${i}/${'p'.repeat(1900)}`,
    // All within the topic's default window (7 days) before `now`.
    publishedAt: `2026-03-${23 + (i % 7)}T08:${String(i).padStart(2, '0')}:00Z`,
    text: `${lead}\n\n"The Portline ferry crossing ${i} ends for good," said Mara Quist, the harbour master of Portline.\n\nThe council of Marrowby said ${i * 37} passengers used crossing ${i} each week.`,
  };
}

describe('one /brief over hostile articles posts a bounded number of messages', () => {
  const tmp = tempDir();
  let stores: Stores;
  let handlers: InboundHandlers;

  beforeAll(async () => {
    const file = join(tmp.dir, 'portline.json');
    writeFileSync(file, JSON.stringify(Array.from({ length: ARTICLES }, (_, i) => article(i + 1))));
    stores = await createStore(join(tmp.dir, 'flood.db'));
    const report = await ingestPaths(stores, [file]);
    expect(report.counts.stored).toBe(ARTICLES);
    const context = {
      stores,
      topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
      timezone: 'UTC',
      now: () => new Date('2026-03-30T09:00:00Z'),
    };
    handlers = createHandlers(handlerDeps(context, () => {}));
  });
  afterAll(async () => {
    await stores?.close();
    tmp.cleanup();
  });

  describe('Discord', () => {
    let fake: FakeDiscord;
    let adapter: ChatAdapter;
    beforeAll(async () => {
      fake = await startFakeDiscord();
      adapter = createDiscordAdapter(
        {
          token: 'fake-bot-token',
          applicationId: IDS.app,
          guildId: IDS.guild,
          apiUrl: fake.apiUrl,
          messageContent: false,
        },
        { commands: COMMANDS, log: () => {} },
      );
      await adapter.start(handlers);
    });
    afterAll(async () => {
      await adapter?.stop();
      await fake?.close();
    });

    it(`posts at most ${DISCORD_MAX} messages, the last saying it was shortened`, async () => {
      fake.command('brief', [{ type: 3, name: 'topic', value: SLUG }]);
      // The thread is opened after every message of the briefing has been sent.
      await waitForDiscord(
        'the briefing thread',
        () => fake.rest.requests.find((r) => r.method === 'POST' && r.path.endsWith('/threads')),
        20_000,
      );
      const sent = fake.rest.sent.filter((m) => m.via === 'original' || m.via === 'followup');
      expect(sent.length).toBeGreaterThan(1);
      expect(sent.length).toBeLessThanOrEqual(DISCORD_MAX);
      const last = JSON.stringify(sent.at(-1)?.body.embeds);
      expect(last).toMatch(/… \(shortened: \d+ more lines\)/);
      expect(JSON.stringify(sent.map((m) => m.body))).not.toContain(TOKEN.slice(0, 1000));
    });
  });

  describe('Slack', () => {
    let fake: FakeSlack;
    let adapter: SlackAdapter;
    let events = '';
    beforeAll(async () => {
      fake = await startFakeSlack();
      adapter = createSlackAdapter(
        {
          botToken: 'xoxb-fake',
          signingSecret: SECRET,
          appToken: null,
          apiUrl: fake.apiUrl,
          port: 0,
          managers: [],
        },
        { commands: COMMANDS, host: '127.0.0.1', retryConfig: { retries: 0 }, log: () => {} },
      );
      await adapter.start(handlers);
      events = `http://127.0.0.1:${adapter.listeningPort()}/slack/events`;
    });
    afterAll(async () => {
      await adapter?.stop();
      await fake?.close();
    });

    it(`posts at most ${SLACK_MAX} messages, each within Block Kit's limits, the last saying it was shortened`, async () => {
      const body = commandForm({ text: SLUG, response_url: fake.responseUrl('flood') });
      expect(
        (await postSigned(events, SECRET, body, 'application/x-www-form-urlencoded')).status,
      ).toBe(200);
      const first = await waitForSlack(
        'the briefing post',
        () => fake.succeeded('chat.postMessage')[0],
        20_000,
      );
      // Every message it took is linked to the briefing once all are posted.
      const key = threadKey({
        platform: 'slack',
        workspace: FAKE_TEAM,
        channel: 'C0NEWS',
        thread: String(first.response.ts),
      });
      await waitForSlack('the thread link', () => stores.threads.briefingFor(key), 20_000);
      const posts = fake.succeeded('chat.postMessage');
      expect(posts.length).toBeLessThanOrEqual(SLACK_MAX);
      for (const post of posts) {
        const blocks = post.params.blocks as Array<{ text?: { text: string } }>;
        expect(blocks.length).toBeLessThanOrEqual(50);
        for (const b of blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
        const text = blocks.reduce((n, b) => n + (b.text?.text.length ?? 0), 0);
        expect(text).toBeLessThanOrEqual(MESSAGE_TEXT);
        expect(String(post.params.text).length).toBeLessThanOrEqual(4000);
      }
      expect(JSON.stringify(posts.at(-1)?.params.blocks)).toMatch(
        /… \(shortened: \d+ more lines\)/,
      );
      expect(JSON.stringify(posts.map((p) => p.params))).not.toContain(TOKEN.slice(0, 1000));
    });
  });
});
