import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { loadTopics } from '../../src/briefing/topics.ts';
import { createConsoleAdapter } from '../../src/chat/console/adapter.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { createScheduler } from '../../src/schedule/scheduler.ts';
import { createStore } from '../../src/store/create.ts';

/**
 * The scheduler's own wake-ups: node-cron's one tick at second 0 of every minute, with the
 * slots from our cron engine, under fake timers, delivering through the console adapter. The platform tests drive
 * `runDue` with a clock; this checks that, left alone, `start()` wakes at the right moments.
 */

describe('scheduler on node-cron', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A started scheduler at `at` (fake time) with one console subscription. */
  async function startAt(at: string, schedule: string, timezone: string) {
    const stores = await createStore(':memory:');
    await ingestPaths(stores, [DEMO_ARTICLES]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date(at));
    const sub = await stores.subscriptions.save({
      platform: 'console',
      workspace: null,
      channel: 'terminal',
      topic: DEMO_TOPIC,
      schedule,
      timezone,
      createdBy: 'test',
    });
    const output = {
      shown: '',
      write(s: string): void {
        output.shown += s;
      },
    };
    const adapter = createConsoleAdapter({ commands: COMMANDS, input: new PassThrough(), output });
    // A Slack subscription this process cannot deliver: said at start, not attempted.
    await stores.subscriptions.save({ ...sub, platform: 'slack', workspace: 'T1', channel: 'C1' });
    const logs: string[] = [];
    const scheduler = createScheduler({
      stores,
      topics: loadTopics(BUILTIN_TOPICS_DIR).topics,
      adapters: [adapter],
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    await scheduler.start();
    expect(logs).toEqual(['warn: 1 slack subscription(s) wait: slack is not configured here']);
    return { stores, sub, scheduler, output };
  }

  it('wakes at 08:00 Europe/London on the day the clocks go forward, and once only', async () => {
    const { stores, sub, scheduler, output } = await startAt(
      '2026-03-29T06:50:00Z',
      'daily 08:00',
      'Europe/London',
    );
    const shown = () => output.shown;
    expect(shown()).toBe('');
    // 06:59:59 UTC is 07:59:59 BST: not yet.
    await vi.advanceTimersByTimeAsync(9 * 60_000 + 59_000);
    expect(await stores.deliveries.list(sub.id)).toEqual([]);
    // One second on, 07:00:00 UTC: the minute tick sends it.
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stores.deliveries.list(sub.id)).map((d) => d.state)).toEqual(['sent']);
    // The next ticks do not send it again.
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    const rows = await stores.deliveries.list(sub.id);
    expect(rows).toMatchObject([{ slot: '2026-03-29T07:00:00.000Z', state: 'sent', late: false }]);
    expect(shown().match(/ref \d+@2026-03-29T07:00Z/g)).toHaveLength(1);
    await scheduler.stop();
    await stores.close();
  });

  it('sends a slot that falls in the spring-forward gap at 03:30:00 EDT', async () => {
    // 02:30 does not exist in New York on 8 March 2026; the digest is owed at 03:30 EDT (07:30 UTC).
    const { stores, sub, scheduler } = await startAt(
      '2026-03-08T07:25:00Z',
      'daily 02:30',
      'America/New_York',
    );
    // 07:29:59 UTC: not yet.
    await vi.advanceTimersByTimeAsync(4 * 60_000 + 59_000);
    expect(await stores.deliveries.list(sub.id)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await stores.deliveries.list(sub.id)).toMatchObject([
      { slot: '2026-03-08T07:30:00.000Z', state: 'sent', late: false },
    ]);
    await scheduler.stop();
    await stores.close();
  });
});
