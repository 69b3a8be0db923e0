import { PassThrough } from 'node:stream';
import { COMMANDS } from '../commands/index.ts';
import { createConsoleAdapter } from '../src/chat/console/adapter.ts';
import type { Clock } from '../src/schedule/clock.ts';
import { createScheduler } from '../src/schedule/scheduler.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

/**
 * The minute sweep at steady state: many subscriptions, their ledgers settled, nothing due.
 * This is what every replica pays once a minute, so it must stay far below a minute.
 */

export interface SweepFigures {
  subscriptions: number;
  /** Median ms of one sweep with nothing due. */
  sweepMs: number;
  /** Median ms of reading every subscription's ledger: what the sweep did before ledger marks. */
  ledgerReadsMs: number;
}

const SCHEDULES = ['daily 08:00', 'weekdays 07:30', '*/15 * * * *', '0 9,17 * * *'];
const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];

export async function sweepCost(
  count: number,
  median: (runs: number, work: () => unknown) => Promise<number>,
): Promise<SweepFigures> {
  let t = new Date('2026-03-20T00:00:00Z');
  const clock: Clock = {
    now: () => new Date(t),
    sleep: async () => {},
    everyMinute: () => ({ stop: async () => {} }),
  };
  const stores = openSqliteStore(':memory:', { now: clock.now });
  for (let i = 0; i < count; i++)
    await stores.subscriptions.save({
      platform: 'console',
      workspace: null,
      channel: `channel-${i}`,
      topic: 'iran-uk',
      schedule: SCHEDULES[i % SCHEDULES.length]!,
      timezone: ZONES[i % ZONES.length]!,
      createdBy: 'bench',
    });
  const adapter = createConsoleAdapter({
    commands: COMMANDS,
    input: new PassThrough(),
    output: { write: () => {} },
  });
  const scheduler = createScheduler({ stores, topics: [], adapters: [adapter], clock });
  // Two days of history: every slot sent (nothing new) or skipped, so the sweep finds all settled.
  t = new Date('2026-03-22T00:00:00Z');
  await scheduler.runDue();
  const subs = await stores.subscriptions.list({});
  const sweepMs = await median(15, () => scheduler.runDue());
  const ledgerReadsMs = await median(15, async () => {
    for (const s of subs) await stores.deliveries.list(s.id, { limit: 200 });
  });
  await stores.close();
  return { subscriptions: count, sweepMs, ledgerReadsMs };
}
