import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { ChatAdapter } from '../../src/model/chat-port.ts';
import { threadKey } from '../../src/model/refs.ts';
import type { Clock } from '../../src/schedule/clock.ts';
import { createScheduler, type Scheduler, type SlotReport } from '../../src/schedule/scheduler.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import type { Subscription } from '../../src/store/ports/subscriptions.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { neverTicks } from '../helpers/clock.ts';
import { handlerDeps } from '../helpers/handlers.ts';
import { fakeDiscord, fakeSlack, type PlatformUnderTest } from './digest-platforms.ts';

/**
 * The digest scheduler end to end on each platform: the real store, the real adapter against
 * the fake platform, and an injected clock that walks through days, daylight-saving changes
 * and downtime. Only the clock is ours to move; everything else runs as in production.
 */

const topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
const HOUR = 3_600_000;

const FOLLOW_UP = `The Marrowby Courier — fictional sample for the Briefwire demo

Marrowby strike ends as night crews return to the cranes

The dock strike at the fictional port of Marrowby ended on Sunday when night crews voted to return, the Coastal Workers Union said.

"The cranes will be lit again tonight," said Helen Okafor, the union's general secretary.
`;

/** A clock that stands still until the test moves it; sleeping is recorded, not waited. */
class TestClock implements Clock {
  readonly waits: number[] = [];
  constructor(public t: Date) {}
  now = (): Date => new Date(this.t);
  sleep = async (ms: number): Promise<void> => void this.waits.push(ms);
  everyMinute = neverTicks;
  set(iso: string): Date {
    this.t = new Date(iso);
    return this.now();
  }
}

describe.each([
  ['Slack', fakeSlack],
  ['Discord', fakeDiscord],
])('scheduled digests on %s', (_name, startPlatform) => {
  let platform: PlatformUnderTest;
  let channels = 0;
  const tmp = tempDir();
  let clock: TestClock;
  let stores: Stores;
  let adapter: ChatAdapter;
  let file: string;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    platform = await startPlatform();
    // One connection for the whole suite: inbound events (none here) would reach the current store.
    adapter = await platform.connect(
      createHandlers(
        handlerDeps(
          {
            get stores() {
              return stores;
            },
            topics,
            timezone: 'UTC',
            now: () => clock.now(),
          },
          () => {},
        ),
      ),
    );
  });
  afterAll(async () => {
    await platform.close();
    tmp.cleanup();
  });
  beforeEach(async () => {
    clock = new TestClock(new Date('2026-03-27T12:00:00Z'));
    file = join(tmp.dir, `store-${++channels}.db`);
    stores = await openTestStore();
    await ingestPaths(stores, [DEMO_ARTICLES]);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    await stores.close();
  });

  const openTestStore = async (): Promise<Stores> => openSqliteStore(file, { now: clock.now });
  const scheduler = (over: { stores?: Stores; adapter?: ChatAdapter; replicaId?: string } = {}) =>
    createScheduler({
      stores: over.stores ?? stores,
      topics,
      adapters: [over.adapter ?? adapter],
      clock,
      replicaId: over.replicaId ?? 'replica-1',
    });
  const subscribe = async (
    schedule: string,
    timezone = 'UTC',
    channel = platform.channel(channels * 10),
  ): Promise<Subscription> =>
    stores.subscriptions.save({
      platform: platform.name,
      workspace: platform.workspace,
      channel,
      topic: DEMO_TOPIC,
      schedule,
      timezone,
      createdBy: 'test',
    });
  const sentAt = (reports: SlotReport[]) => reports.filter((r) => r.result === 'sent');

  it('posts each 08:00 digest at 08:00 local time on both sides of a daylight-saving change, once', async () => {
    const sub = await subscribe('daily 08:00', 'Europe/London');
    const s = scheduler();
    const posted: Array<{ at: string; slot: string }> = [];
    // Every quarter of an hour from Friday noon to Tuesday 09:00 UTC; the clocks go forward on Sunday.
    for (let t = clock.t.getTime(); t <= Date.parse('2026-03-31T09:00:00Z'); t += HOUR / 4) {
      clock.t = new Date(t);
      if (clock.t.toISOString() === '2026-03-29T12:00:00.000Z') {
        writeFileSync(join(tmp.dir, 'follow-up.txt'), FOLLOW_UP);
        await ingestPaths(stores, [join(tmp.dir, 'follow-up.txt')]);
      }
      for (const r of sentAt(await s.runDue()))
        posted.push({ at: clock.t.toISOString(), slot: r.slot });
    }
    // 08:00 GMT (UTC+0) on Saturday, then 08:00 BST (UTC+1) from Sunday: each sent as it fell due.
    const expected = [
      '2026-03-28T08:00',
      '2026-03-29T07:00',
      '2026-03-30T07:00',
      '2026-03-31T07:00',
    ];
    expect(posted.map((p) => p.at.slice(0, 16))).toEqual(expected);
    expect(posted.map((p) => p.slot.slice(0, 16))).toEqual(expected);
    const digests = platform.digests(sub.channel);
    expect(digests.map((d) => d.key)).toEqual(expected.map((t) => `${sub.id}@${t}Z`));
    for (const d of digests) expect(d.shown).toContain('08:00 (Europe/London)');
    // The first digest briefs the topic; then only what is new since the last one.
    expect(digests[0]!.shown).toContain('Dock workers walk out');
    expect(digests[1]!.shown).toMatch(/Nothing new on .* since the last digest/);
    expect(digests[2]!.shown).toContain('strike ends as night crews return');
    expect(digests[2]!.shown).not.toContain('Dock workers walk out');
    expect(digests[3]!.shown).toMatch(/Nothing new/);
    // Questions in a digest's thread are about its briefing; a "nothing new" line has none.
    const sent = (await stores.deliveries.list(sub.id, { state: 'sent' })).reverse();
    const thread = (d: (typeof sent)[number]) =>
      threadKey({
        platform: platform.name,
        workspace: platform.workspace,
        channel: sub.channel,
        thread: d.thread ?? '',
      });
    expect(sent[0]!.briefingId).not.toBeNull();
    expect(await stores.threads.briefingFor(thread(sent[0]!))).toBe(sent[0]!.briefingId);
    expect(sent[1]!.briefingId).toBeNull();

    // And back in October: 08:00 BST is 07:00 UTC on Saturday, 08:00 GMT is 08:00 UTC from Sunday.
    const autumn: string[] = [];
    for (
      let t = Date.parse('2026-10-23T12:00:00Z');
      t <= Date.parse('2026-10-26T12:00:00Z');
      t += HOUR / 4
    ) {
      clock.t = new Date(t);
      for (const r of sentAt(await s.runDue()))
        autumn.push(`${r.slot.slice(0, 16)} at ${clock.t.toISOString().slice(11, 16)}`);
    }
    expect(autumn).toEqual([
      // Friday's 07:00 UTC slot was five hours old when the clock arrived: inside the grace window.
      '2026-10-23T07:00 at 12:00',
      '2026-10-24T07:00 at 07:00',
      '2026-10-25T08:00 at 08:00',
      '2026-10-26T08:00 at 08:00',
    ]);
    // Newest first; March's rows were forgotten once they were more than 90 days old.
    expect((await stores.deliveries.list(sub.id, { state: 'sent' })).map((d) => d.late)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    // Nothing was owed for the months the clock skipped: they were long past the grace window.
    expect((await stores.deliveries.list(sub.id, { state: 'skipped' })).length).toBeGreaterThan(0);
    expect((await stores.deliveries.list(sub.id, { state: 'failed' })).length).toBe(0);
  });

  it('delivers each slot once when two schedulers share the store', async () => {
    const subs = [
      await subscribe('daily 08:00', 'UTC', platform.channel(channels * 10 + 1)),
      await subscribe('daily 08:00', 'UTC', platform.channel(channels * 10 + 2)),
      await subscribe('daily 08:00', 'UTC', platform.channel(channels * 10 + 3)),
    ];
    const otherStore = await openTestStore();
    const otherAdapter = await platform.connect(
      createHandlers(
        handlerDeps({ stores: otherStore, topics, timezone: 'UTC', now: clock.now }, () => {}),
      ),
    );
    cleanups.push(() => otherStore.close());
    const a = scheduler({ replicaId: 'replica-a' });
    const b = scheduler({ stores: otherStore, adapter: otherAdapter, replicaId: 'replica-b' });
    for (const day of ['2026-03-28', '2026-03-29', '2026-03-30']) {
      clock.set(`${day}T08:00:00Z`);
      const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
      // Each subscription's slot was sent by exactly one of them.
      expect(
        sentAt([...ra, ...rb])
          .map((r) => r.subscriptionId)
          .sort(),
      ).toEqual(subs.map((s) => s.id).sort());
    }
    for (const sub of subs) {
      const keys = platform.digests(sub.channel).map((d) => d.key);
      expect(keys).toEqual(['28', '29', '30'].map((d) => `${sub.id}@2026-03-${d}T08:00Z`));
    }
  });

  it('sends once through a 429, and retries 503s with backoff', async () => {
    const sub = await subscribe('daily 08:00');
    const s = scheduler();
    clock.set('2026-03-28T08:00:00Z');
    platform.rateLimitNextPost();
    expect(sentAt(await s.runDue())).toHaveLength(1);
    expect(platform.digests(sub.channel)).toHaveLength(1);

    clock.set('2026-03-29T08:00:00Z');
    platform.failNextPosts(2);
    expect(sentAt(await s.runDue())).toHaveLength(1);
    expect(platform.digests(sub.channel)).toHaveLength(2);
    const [latest] = await stores.deliveries.list(sub.id);
    expect(latest).toMatchObject({ state: 'sent', attempts: 3, late: false });
    expect(clock.waits).toEqual([5_000, 10_000]);
  });

  it('sends a slot missed by downtime late inside the grace window and records a skip outside it', async () => {
    const sub = await subscribe('daily 08:00');
    let s: Scheduler = scheduler();
    clock.set('2026-03-28T08:00:00Z');
    await s.runDue();
    // Down from just after Saturday's digest until Sunday 11:00: three hours late, inside six.
    clock.set('2026-03-29T11:00:00Z');
    s = scheduler();
    expect(await s.runDue()).toEqual([
      { subscriptionId: sub.id, slot: '2026-03-29T08:00:00.000Z', result: 'sent' },
    ]);
    expect((await stores.deliveries.list(sub.id))[0]).toMatchObject({ state: 'sent', late: true });
    expect(platform.digests(sub.channel).at(-1)?.shown).toMatch(/sent late/i);
    // Down again until Tuesday 15:00: Monday's slot is 31 hours old, Tuesday's seven.
    clock.set('2026-03-31T15:00:00Z');
    s = scheduler();
    const reports = await s.runDue();
    expect(reports.map((r) => [r.slot.slice(0, 10), r.result])).toEqual([
      ['2026-03-30', 'skipped'],
      ['2026-03-31', 'skipped'],
    ]);
    expect(platform.digests(sub.channel)).toHaveLength(2);
    const skipped = await stores.deliveries.list(sub.id, { state: 'skipped' });
    expect(skipped.map((d) => d.error)).toEqual([
      expect.stringMatching(/not running at Tue 31 Mar 2026, 08:00 \(UTC\), more than 6 hours/),
      expect.stringMatching(/not running at Mon 30 Mar 2026, 08:00 \(UTC\)/),
    ]);
    // A restart does not revisit settled slots.
    expect(await scheduler().runDue()).toEqual([]);
  });

  it('after downtime over several slots, sends only the latest, late, and skips the ones before it', async () => {
    const sub = await subscribe('0 * * * *');
    clock.set('2026-03-28T09:00:00Z');
    await scheduler().runDue();
    clock.set('2026-03-28T12:20:00Z');
    const reports = await scheduler().runDue();
    expect(reports.map((r) => [r.slot.slice(11, 16), r.result])).toEqual([
      ['10:00', 'skipped'],
      ['11:00', 'skipped'],
      ['12:00', 'sent'],
    ]);
    const [latest, before] = await stores.deliveries.list(sub.id);
    expect(latest).toMatchObject({ state: 'sent', late: true });
    expect(before?.error).toMatch(
      /a later slot \(Sat 28 Mar 2026, 12:00 \(UTC\)\) was already due/,
    );
  });

  it('pauses the subscription of a channel that is gone, with the reason, and goes on with the others', async () => {
    const gone = await subscribe('daily 08:00', 'UTC', platform.channel(channels * 10 + 5));
    const kept = await subscribe('daily 08:00', 'UTC', platform.channel(channels * 10 + 6));
    platform.removeChannel(gone.channel);
    const s = scheduler();
    clock.set('2026-03-28T08:00:00Z');
    const reports = await s.runDue();
    expect(Object.fromEntries(reports.map((r) => [r.subscriptionId, r.result]))).toEqual({
      [gone.id]: 'paused',
      [kept.id]: 'sent',
    });
    const paused = await stores.subscriptions.get(gone.id);
    expect(paused?.active).toBe(false);
    expect(paused?.pausedReason).toContain(gone.channel);
    // A paused subscription is left alone: no more requests to the missing channel.
    const before = platform.requestsTo(gone.channel);
    clock.set('2026-03-29T08:00:00Z');
    expect((await s.runDue()).map((r) => r.subscriptionId)).toEqual([kept.id]);
    expect(platform.requestsTo(gone.channel)).toBe(before);

    const listed = await runCli(['subscriptions', '--db', file]);
    expect(listed.code).toBe(0);
    const [goneBlock, keptBlock] = [gone, kept].map((x) =>
      listed.stdout
        .slice(listed.stdout.indexOf(`#${x.id} `))
        .split('\n')
        .slice(0, 3)
        .join('\n'),
    );
    expect(goneBlock).toMatch(/last: failed Sat 28 Mar 2026, 08:00 \(UTC\)/);
    expect(goneBlock).toMatch(new RegExp(`paused: .*${gone.channel}`));
    expect(keptBlock).toMatch(/last: sent Sun 29 Mar 2026, 08:00 \(UTC\)/);
    expect(keptBlock).toMatch(/next \w{3} \d{1,2} \w{3} \d{4}, 08:00 \(UTC\)/);
  });
});
