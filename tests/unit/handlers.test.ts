import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { InboundHandlers, Invocation } from '../../src/model/chat-port.ts';
import type { ChannelRef } from '../../src/model/refs.ts';
import type { Reply } from '../../src/model/reply.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';

/** The chat core as every platform drives it, over a real SQLite store of the demo articles. */
describe('chat handlers', () => {
  const tmp = tempDir();
  let stores: Stores;
  let handlers: InboundHandlers;
  const channel: ChannelRef = { platform: 'discord', workspace: 'g1', channel: 'c1' };
  const member = { id: 'u1', name: 'ana', canManage: false };
  const moderator = { id: 'u2', name: 'bo', canManage: true };
  const invoke = (
    command: string,
    subcommand: string | null,
    options: Record<string, string>,
    user = member,
  ): Promise<Reply> =>
    handlers.command({ command, subcommand, options, user, channel } satisfies Invocation);
  const text = (r: Reply) => (r.kind === 'text' ? r : null);

  beforeAll(async () => {
    stores = await createStore(join(tmp.dir, 'chat.db'));
    await ingestPaths(stores, [DEMO_ARTICLES]);
    handlers = createHandlers(
      handlerDeps(
        {
          stores,
          topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
          timezone: 'UTC',
          now: () => new Date('2026-03-20T09:00:00Z'),
        },
        () => {},
      ),
    );
  });
  afterAll(async () => {
    await stores.close();
    tmp.cleanup();
  });

  it('answers /brief with a recorded briefing', async () => {
    const r = await invoke('brief', null, { topic: DEMO_TOPIC, since: 'all' });
    expect(r.kind).toBe('briefing');
    if (r.kind !== 'briefing') return;
    expect(r.briefing.id).toBeGreaterThan(0);
    expect(r.briefing.quotes.length).toBeGreaterThan(0);
  });

  it('answers an unknown topic privately, naming it', async () => {
    const r = text(await invoke('brief', null, { topic: 'zzz-nothing' }));
    expect(r).toMatchObject({
      ephemeral: true,
      text: expect.stringMatching(/No stored article matches topic "zzz-nothing"/),
    });
  });

  it('lets only channel managers subscribe, validates time and zone, and lists and removes', async () => {
    expect(
      text(await invoke('briefings', 'subscribe', { topic: DEMO_TOPIC, time: '08:00' }))?.text,
    ).toMatch(/Only people who can manage/);
    expect(
      text(await invoke('briefings', 'subscribe', { topic: DEMO_TOPIC, time: '8h' }, moderator))
        ?.text,
    ).toMatch(/"8h" is not a time/);
    expect(
      text(
        await invoke(
          'briefings',
          'subscribe',
          { topic: DEMO_TOPIC, time: '08:00', timezone: 'Mars/Base' },
          moderator,
        ),
      )?.text,
    ).toMatch(/not a time zone/);
    const ok = text(
      await invoke(
        'briefings',
        'subscribe',
        { topic: DEMO_TOPIC, time: '8:05', timezone: 'Europe/London' },
        moderator,
      ),
    );
    expect(ok).toMatchObject({
      ephemeral: false,
      text: expect.stringMatching(/every day at 08:05 \(Europe\/London\)/),
    });
    expect(
      (await stores.subscriptions.list({ platform: 'discord', channel: 'c1' }))[0],
    ).toMatchObject({ topic: DEMO_TOPIC, schedule: 'daily 08:05', createdBy: 'u2' });
    expect(text(await invoke('briefings', 'list', {}))?.text).toMatch(
      /marrowby-strike — every day at 08:05 \(Europe\/London\); last: nothing delivered yet; next \w{3} \d+ \w{3} \d{4}, 08:05 \(Europe\/London\)/,
    );
    const weekly = text(
      await invoke(
        'briefings',
        'subscribe',
        { topic: 'iran-uk', time: '07:30', days: 'mon,thu', quiet: 'yes' },
        moderator,
      ),
    );
    expect(weekly?.text).toMatch(/cron 30 7 \* \* mon,thu \(UTC\).*nothing is posted/);
    expect(
      text(
        await invoke(
          'briefings',
          'subscribe',
          { topic: 'iran-uk', time: '07:30', days: 'someday' },
          moderator,
        ),
      ),
    ).toMatchObject({ ephemeral: true, text: expect.stringMatching(/someday/) });
    await stores.subscriptions.remove(
      { platform: 'discord', workspace: 'g1', channel: 'c1' },
      'iran-uk',
    );
    expect(
      text(await invoke('briefings', 'unsubscribe', { topic: DEMO_TOPIC }, moderator))?.text,
    ).toMatch(/Stopped/);
    expect(await stores.subscriptions.list({ channel: 'c1' })).toEqual([]);
  });

  it('suggests defined topics as they are typed', async () => {
    expect(await handlers.autocomplete('brief', 'topic', 'ir')).toContain('iran-uk');
    expect(await handlers.autocomplete('brief', 'since', 'ir')).toEqual([]);
  });

  it("answers a question in a briefing's thread with a cited sentence, and says when it cannot", async () => {
    const r = await invoke('brief', null, { topic: DEMO_TOPIC, since: 'all' });
    if (r.kind !== 'briefing' || r.briefing.id === null) throw new Error('no briefing');
    const thread = { ...channel, thread: 't1' };
    await handlers.briefingPosted(thread, r.briefing.id);
    const a = await handlers.threadMessage(
      thread,
      '<@999> How many cargo ships were waiting at anchor?',
      member,
    );
    expect(a?.kind).toBe('answer');
    if (a?.kind !== 'answer') return;
    expect(a.answer.found).toBe(true);
    expect(a.answer.answer).toMatch(/Fourteen cargo ships were waiting at anchor/);
    expect(a.answer.citations[0]?.sentence).toBe(a.answer.answer);
    const none = await handlers.threadMessage(
      thread,
      'What did the French president say about it?',
      member,
    );
    expect(none?.kind === 'answer' && none.answer).toMatchObject({ found: false, citations: [] });
    expect(
      await handlers.threadMessage({ ...channel, thread: 'not-a-briefing' }, 'hello?', member),
    ).toBeNull();

    // A follow-on question's pronoun means the person the thread last asked about.
    const first = await handlers.threadMessage(thread, 'What did Helen Okafor say?', member);
    expect(first?.kind === 'answer' && first.answer.found).toBe(true);
    const again = await handlers.threadMessage(thread, 'What did she say?', member);
    expect(again?.kind === 'answer' && again.answer).toMatchObject({
      found: true,
      citations: [expect.anything()],
    });
    const alone = await handlers.threadMessage(
      { ...channel, thread: 't-fresh' },
      'What did she say?',
      member,
    );
    expect(alone).toBeNull();
  });
});
