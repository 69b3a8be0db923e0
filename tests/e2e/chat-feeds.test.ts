import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createDiscordAdapter } from '../../src/chat/discord/adapter.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/chat/slack/index.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import type { ChatAdapter, InboundHandlers } from '../../src/model/chat-port.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { IDS, type Json } from '../fakes/discord/payloads.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { waitFor } from '../fakes/discord/wait.ts';
import { commandForm, postSigned } from '../fakes/slack/requests.ts';
import { type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import {
  articlePage,
  type NewsServer,
  rssFeed,
  startNewsServer,
  storyParagraphs,
} from '../helpers/news-server.ts';

/**
 * Following feeds from chat: `/briefings feed add|list|remove` on Discord (a subcommand group)
 * and `/brief feed …` on Slack, through the real clients against the fakes, with the feed on a
 * news server on 127.0.0.1. Adding polls at once and answers with what it found; only people
 * who manage subscriptions may add or remove.
 */

const tmp = tempDir();
let news: NewsServer;
let stores: Stores;
let handlers: InboundHandlers;

beforeAll(async () => {
  news = await startNewsServer();
  const entries = ['ferries', 'pier'].map((slug, i) => ({
    id: `urn:marrowby:${slug}`,
    title: `Marrowby ${slug} update`,
    link: news.url(`/news/${slug}`),
    date: `Mon, 0${i + 2} Nov 2026 09:00:00 GMT`,
    content: storyParagraphs(`Harbour official ${i + 1}`, 4)
      .map((p) => `<p>${p}</p>`)
      .join(''),
  }));
  news.route('/feed.xml', {
    contentType: 'application/rss+xml',
    body: rssFeed('Marrowby News', entries),
  });
  news.route('/not-a-feed', {
    contentType: 'text/html',
    body: articlePage('Home', [
      'Welcome to the Marrowby site, where news is posted every week by the harbour board.',
    ]),
  });
  stores = await createStore(join(tmp.dir, 'chat-feeds.db'));
  handlers = createHandlers(
    handlerDeps(
      {
        stores,
        topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
        timezone: 'UTC',
        now: () => new Date(),
      },
      () => {},
    ),
  );
});
afterAll(async () => {
  await stores?.close();
  await news?.close();
  tmp.cleanup();
});

describe('Discord: /briefings feed add|list|remove', () => {
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
  const feedCommand = (leaf: string, options: Json[]): Json[] => [
    { type: 2, name: 'feed', options: [{ type: 1, name: leaf, options }] },
  ];
  const replyTo = (token: string) =>
    waitFor('the reply', () => {
      const r = fake.rest.requests.find(
        (q) =>
          q.path.includes(`/${token}/`) &&
          (q.method === 'PATCH' || q.path.endsWith('/callback')) &&
          JSON.stringify(q.body).includes('content'),
      );
      return r ? JSON.stringify(r.body) : undefined;
    });

  it('registers feed as a subcommand group of briefings', () => {
    const briefings = (fake.rest.commands.get(IDS.guild) ?? []).find(
      (c) => c.name === 'briefings',
    ) as Json | undefined;
    const group = (briefings?.options as Json[] | undefined)?.find((o) => o.name === 'feed');
    expect(group).toMatchObject({ type: 2 });
    expect(((group?.options as Json[]) ?? []).map((o) => o.name)).toEqual([
      'add',
      'list',
      'remove',
    ]);
  });

  it('adds a feed only for a manager, polls it at once and says what it found; lists and removes it', async () => {
    const url = news.url('/feed.xml');
    const refused = await replyTo(
      fake.command('briefings', feedCommand('add', [{ type: 3, name: 'url', value: url }])),
    );
    expect(refused).toMatch(/Only people who can manage/);
    expect(await stores.feeds.list()).toEqual([]);

    const added = await replyTo(
      fake.command('briefings', feedCommand('add', [{ type: 3, name: 'url', value: url }]), {
        canManage: true,
      }),
    );
    expect(added).toMatch(
      /Following feed \d+, http:\/\/127\.0\.0\.1:\d+\/feed\.xml\. Found 2 new articles\./,
    );
    expect((await stores.feeds.list()).map((f) => f.url)).toEqual([url]);

    const listed = await replyTo(fake.command('briefings', feedCommand('list', [])));
    expect(listed).toMatch(/feed\.xml — last poll .*: ok, 2 new \(2 in all\)/);

    const notFeed = await replyTo(
      fake.command(
        'briefings',
        feedCommand('add', [{ type: 3, name: 'url', value: news.url('/not-a-feed') }]),
        { canManage: true },
      ),
    );
    expect(notFeed).toMatch(/Could not follow .*not-a-feed.*not a feed/);
    expect(await stores.feeds.list()).toHaveLength(1);

    const removed = await replyTo(
      fake.command('briefings', feedCommand('remove', [{ type: 3, name: 'url', value: url }]), {
        canManage: true,
      }),
    );
    expect(removed).toMatch(/Stopped following feed \d+/);
    expect(await stores.feeds.list()).toEqual([]);
  });
});

describe('Slack: /brief feed add|list|remove', () => {
  const SECRET = 'test-signing-secret';
  let fake: FakeSlack;
  let adapter: SlackAdapter;
  let events = '';
  let n = 0;
  beforeAll(async () => {
    fake = await startFakeSlack();
    fake.admins.add('U0ADMIN');
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
  const command = async (text: string, user = 'U0MEMBER'): Promise<string> => {
    const name = `feeds-${++n}`;
    const body = commandForm({ text, user_id: user, response_url: fake.responseUrl(name) });
    await postSigned(events, SECRET, body, 'application/x-www-form-urlencoded');
    const r = await waitFor(`a response to ${name}`, () =>
      fake.responses.find((x) => x.name === name),
    );
    return String(r.body.text);
  };

  it('follows a feed given as a Slack-escaped link, for admins only, and lists and removes it', async () => {
    const url = news.url('/feed.xml');
    expect(await command(`feed add <${url}>`)).toMatch(/Only people who can manage/);
    expect(await command(`feed add <${url}|${url.replace('http://', '')}>`, 'U0ADMIN')).toMatch(
      /Following feed \d+, .*feed\.xml\./,
    );
    expect(await command('feed list')).toMatch(/feed\.xml — last poll/);
    expect(await command(`feed remove ${url}`, 'U0ADMIN')).toMatch(/Stopped following feed/);
    expect(await stores.feeds.list()).toEqual([]);
  });
});
