import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/chat/slack/index.ts';
import type { SlackSettings } from '../../src/chat/slack/settings.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { InboundHandlers } from '../../src/model/chat-port.ts';
import { threadKey } from '../../src/model/refs.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import {
  commandForm,
  eventCallback,
  type MessageEvent,
  postSigned,
  slashCommand,
} from '../fakes/slack/requests.ts';
import { type ApiCall, FAKE_TEAM, type FakeSlack, startFakeSlack } from '../fakes/slack/server.ts';
import { waitFor } from '../fakes/slack/wait.ts';
import { tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import { describeWithShared, sharedDir } from '../helpers/shared.ts';

/**
 * The real Bolt app, in HTTP mode and in Socket Mode, against a fake Slack on 127.0.0.1, over
 * a SQLite store of the seed article and a hostile one that tries to ping the channel.
 */

const SECRET = 'test-signing-secret';
const FORM = 'application/x-www-form-urlencoded';
const HOSTILE = `Zephyria harbour closes after storm <!here>

November 20, 2026

The harbour authority of Zephyria closed the port on Monday after a storm <!channel> damaged the main pier & the fuel jetty, officials said.

"We will reopen when it is safe to do so <!everyone> <@U0VICTIM>," said Mara Quell, the harbour master of Zephyria.
`;

const blocksText = (call: ApiCall | undefined): string => JSON.stringify(call?.params.blocks ?? []);

describeWithShared('Slack adapter: the real Bolt app against a fake Slack', () => {
  const tmp = tempDir();
  const logs: string[] = [];
  let fake: FakeSlack;
  let stores: Stores;
  let handlers: InboundHandlers;
  const config = (over: Partial<SlackSettings>): SlackSettings => ({
    botToken: 'xoxb-fake',
    signingSecret: SECRET,
    appToken: null,
    apiUrl: fake.apiUrl,
    port: 0,
    managers: ['U0LISTED'],
    ...over,
  });
  const adapterOptions = {
    commands: COMMANDS,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
    log: (m: string) => void logs.push(m),
  };
  const posts = () => fake.succeeded('chat.postMessage');

  beforeAll(async () => {
    fake = await startFakeSlack();
    fake.admins.add('U0ADMIN');
    writeFileSync(join(tmp.dir, 'zephyria.txt'), HOSTILE);
    stores = await createStore(join(tmp.dir, 'slack.db'));
    await ingestPaths(stores, [join(sharedDir, 'corpus/seed'), join(tmp.dir, 'zephyria.txt')]);
    const ctx = {
      stores,
      topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
      timezone: 'UTC',
      now: () => new Date(),
    };
    handlers = createHandlers(handlerDeps(ctx, (m) => void logs.push(m)));
  });
  afterAll(async () => {
    await stores?.close();
    await fake?.close();
    tmp.cleanup();
  });

  describe('HTTP mode', () => {
    let adapter: SlackAdapter;
    let events = '';
    let n = 0;
    const command = (text: string, user = 'U0MEMBER', options = {}) => {
      const name = `http-${++n}`;
      const body = commandForm({ text, user_id: user, response_url: fake.responseUrl(name) });
      return { name, sent: postSigned(events, SECRET, body, FORM, options) };
    };
    const response = (name: string) =>
      waitFor(`a response_url post to ${name}`, () => fake.responses.find((r) => r.name === name));
    const event = (e: MessageEvent) =>
      postSigned(events, SECRET, JSON.stringify(eventCallback(e)), 'application/json');

    beforeAll(async () => {
      adapter = createSlackAdapter(config({}), adapterOptions);
      await adapter.start(handlers);
      events = `http://127.0.0.1:${adapter.listeningPort()}/slack/events`;
    });
    afterAll(() => adapter?.stop());

    it('acks a signed /brief iran-uk at once, then posts the briefing as Block Kit with a fallback', async () => {
      const before = posts().length;
      const { sent } = command('iran-uk');
      const res = await sent;
      expect(res.status).toBe(200);
      expect(res.ms).toBeLessThan(3000);
      const post = await waitFor('the briefing post', () => posts()[before]);
      expect(post.token).toBe('xoxb-fake');
      expect(post.params.channel).toBe('C0NEWS');
      const blocks = post.params.blocks as Array<{ type: string; text?: { text: string } }>;
      expect(blocks[0]).toMatchObject({
        type: 'header',
        text: { text: expect.stringMatching(/Iran/) },
      });
      const body = blocksText(post);
      expect(body).toMatch(/\*Summary\*/);
      expect(body).toMatch(/Ken McCallum\*, Director General of MI5/);
      expect(body).toMatch(/At its sharpest, this includes ambitions to kidnap/);
      expect(body).toMatch(/\*Actors\*/);
      expect(body).toMatch(/\*Sources\*\\n\[1\] Iran intelligence tried to kidnap/);
      expect(String(post.params.text)).toMatch(/^Briefing: Iran and the United Kingdom/);
      expect(post.params.unfurl_links).toBe('false');
      // Its ts is the thread follow-ups are answered in.
      const thread = { platform: 'slack' as const, workspace: FAKE_TEAM, channel: 'C0NEWS' };
      const key = threadKey({ ...thread, thread: String(post.response.ts) });
      expect(
        await waitFor('the thread link', () => stores.threads.briefingFor(key)),
      ).toBeGreaterThan(0);
    });

    it('rejects a bad signature and a stale timestamp, and posts nothing', async () => {
      const before = fake.calls.length;
      const bad = await command('iran-uk', 'U0MEMBER', { signature: `v0=${'0'.repeat(64)}` }).sent;
      expect(bad.status).toBe(401);
      const stale = await command('iran-uk', 'U0MEMBER', {
        timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
      }).sent;
      expect(stale.status).toBe(401);
      await new Promise((r) => setTimeout(r, 200));
      expect(fake.calls.slice(before)).toEqual([]);
    });

    it('answers a reply in the briefing thread there, with a citation, once', async () => {
      const before = posts().length;
      const { sent } = command('iran-uk');
      await sent;
      const briefing = await waitFor('the briefing post', () => posts()[before]);
      const ts = String(briefing.response.ts);
      const question =
        'How many attempts to kidnap or assassinate figures have the intelligence services made?';
      await event({
        type: 'message',
        channel: 'C0NEWS',
        user: 'U0MEMBER',
        text: question,
        ts: '1800000000.000001',
        thread_ts: ts,
      });
      const answer = await waitFor('the answer', () =>
        posts().find((p) => p.params.thread_ts === ts),
      );
      expect(String(answer.params.text)).toMatch(/have made at least ten attempts to kidnap/);
      expect(blocksText(answer)).toMatch(/Source: /);
      // A mention of the bot in the thread comes as both message and app_mention: one answer.
      const mention = `<@UBOT> ${question}`;
      const seen = posts().length;
      await event({
        type: 'message',
        channel: 'C0NEWS',
        user: 'U0MEMBER',
        text: mention,
        ts: '1800000000.000002',
        thread_ts: ts,
      });
      await event({
        type: 'app_mention',
        channel: 'C0NEWS',
        user: 'U0MEMBER',
        text: mention,
        ts: '1800000000.000002',
        thread_ts: ts,
      });
      await waitFor('the mention answer', () => posts().length > seen);
      await new Promise((r) => setTimeout(r, 200));
      expect(posts().length).toBe(seen + 1);
      expect(posts().at(-1)?.params.thread_ts).toBe(ts);
    });

    it('escapes article text so it cannot ping the channel', async () => {
      const before = posts().length;
      await command('zephyria all').sent;
      const post = await waitFor('the briefing post', () => posts()[before]);
      const payload = JSON.stringify(post.params);
      expect(payload).toMatch(/storm &lt;!channel&gt; damaged the main pier &amp; the fuel jetty/);
      expect(payload).toMatch(/&lt;!everyone&gt; &lt;@U0VICTIM&gt;/);
      for (const ping of ['<!channel>', '<!here>', '<!everyone>', '<@U0VICTIM>'])
        expect(payload).not.toContain(ping);
    });

    it('waits out a 429 ratelimited on chat.postMessage and posts once', async () => {
      const before = posts().length;
      fake.rateLimitNext('chat.postMessage', 1);
      const started = Date.now();
      await command('iran-uk').sent;
      const post = await waitFor('the briefing post after the wait', () => posts()[before], 8000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(blocksText(post)).toMatch(/McCallum/);
      await new Promise((r) => setTimeout(r, 200));
      expect(posts().length).toBe(before + 1);
      expect(
        fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429),
      ).toHaveLength(1);
    });

    it('answers help, topics and an unknown topic privately', async () => {
      const help = command('help');
      expect((await help.sent).status).toBe(200);
      expect(await response(help.name)).toMatchObject({
        body: {
          response_type: 'ephemeral',
          text: expect.stringMatching(/\/brief subscribe &lt;topic&gt; &lt;time&gt; \[timezone\]/),
        },
      });
      const topics = command('topics');
      await topics.sent;
      expect((await response(topics.name)).body.text).toMatch(/Defined topics: .*iran-uk/);
      const unknown = command('iran-ku');
      await unknown.sent;
      expect((await response(unknown.name)).body).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringMatching(
          /No stored article matches topic "iran-ku"\. Close matches: iran-uk/,
        ),
      });
    });

    it('lets only admins and configured managers change subscriptions, and stores them', async () => {
      const refused = command('subscribe iran-uk 08:00 Europe/London', 'U0MEMBER');
      await refused.sent;
      expect((await response(refused.name)).body).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringMatching(/Only people who can manage/),
      });
      const admin = command('subscribe iran-uk 08:00 Europe/London', 'U0ADMIN');
      await admin.sent;
      expect((await response(admin.name)).body).toMatchObject({
        response_type: 'in_channel',
        text: expect.stringMatching(/every day at 08:00 \(Europe\/London\)/),
      });
      const where = { platform: 'slack' as const, workspace: FAKE_TEAM, channel: 'C0NEWS' };
      expect(await stores.subscriptions.list(where)).toMatchObject([
        {
          topic: 'iran-uk',
          schedule: 'daily 08:00',
          timezone: 'Europe/London',
          createdBy: 'U0ADMIN',
        },
      ]);
      const list = command('list');
      await list.sent;
      expect((await response(list.name)).body.text).toMatch(
        /iran-uk — every day at 08:00 \(Europe\/London\); last: nothing delivered yet/,
      );
      const usage = command('subscribe iran-uk', 'U0LISTED');
      await usage.sent;
      expect((await response(usage.name)).body.text).toMatch(
        /Missing time\. Usage: \/brief subscribe/,
      );
      const listed = command('unsubscribe iran-uk', 'U0LISTED');
      await listed.sent;
      expect((await response(listed.name)).body.text).toMatch(/Stopped the iran-uk digest/);
      expect(await stores.subscriptions.list(where)).toEqual([]);
    });

    it('says so when it may not post in the channel', async () => {
      fake.notInChannel.add('C0SECRET');
      const name = `http-${++n}`;
      const body = new URLSearchParams({
        ...slashCommand({ text: 'iran-uk', response_url: fake.responseUrl(name) }),
        channel_id: 'C0SECRET',
      }).toString();
      await postSigned(events, SECRET, body, FORM);
      expect((await response(name)).body.text).toMatch(
        /cannot post in this channel \(not_in_channel\)/,
      );
    });
  });
  describe('Socket Mode', () => {
    let adapter: SlackAdapter;

    beforeAll(async () => {
      adapter = createSlackAdapter(
        config({ signingSecret: null, appToken: 'xapp-fake' }),
        adapterOptions,
      );
      await adapter.start(handlers);
    });
    afterAll(async () => {
      await adapter?.stop();
      await fake.socket.closed();
    });

    it('connects with the app token and needs no HTTP port', () => {
      expect(adapter.mode).toBe('socket');
      expect(adapter.listeningPort()).toBeNull();
      const open = fake.calls.filter((c) => c.method === 'apps.connections.open');
      expect(open.at(-1)?.token).toBe('xapp-fake');
      expect(fake.socket.open).toBe(1);
    });

    it('acks /brief iran-uk sent in an envelope and posts the briefing', async () => {
      const before = posts().length;
      const payload = slashCommand({ text: 'iran-uk', response_url: fake.responseUrl('socket-1') });
      const ack = await fake.socket.send('slash_commands', payload);
      expect(ack.envelope_id).toEqual(expect.any(String));
      const post = await waitFor('the briefing post', () => posts()[before]);
      expect(blocksText(post)).toMatch(/Ken McCallum\*, Director General of MI5/);

      const ts = String(post.response.ts);
      const question = 'Who did James Cleverly summon?';
      const e = {
        type: 'app_mention' as const,
        channel: 'C0NEWS',
        user: 'U0MEMBER',
        ts: '1800000001.000001',
        thread_ts: ts,
      };
      await fake.socket.send('events_api', eventCallback({ ...e, text: `<@UBOT> ${question}` }));
      const answer = await waitFor('the answer', () =>
        posts().find((p) => p.params.thread_ts === ts),
      );
      expect(String(answer.params.text)).toMatch(/summoned the most senior Iranian diplomat/);
    });

    it('answers /brief help through the response_url', async () => {
      await fake.socket.send(
        'slash_commands',
        slashCommand({ text: 'help', response_url: fake.responseUrl('socket-2') }),
      );
      const r = await waitFor('the help', () => fake.responses.find((x) => x.name === 'socket-2'));
      expect(r.body).toMatchObject({
        response_type: 'ephemeral',
        text: expect.stringMatching(/\/brief topics/),
      });
    });
  });

  it('reports a Web API it cannot reach from start(), without crashing the process', async () => {
    const unreachable = createSlackAdapter(config({ apiUrl: 'http://127.0.0.1:1/api/' }), {
      ...adapterOptions,
      log: () => {},
    });
    await expect(unreachable.start(handlers)).rejects.toThrow();
    expect(unreachable.listeningPort()).toBeNull();
    await unreachable.stop();
  });

  it('logged no failure along the way', () => {
    expect(logs.filter((l) => /fail|error/i.test(l) && !/verify/.test(l))).toEqual([]);
  });
});
