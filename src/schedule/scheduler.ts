import { hostname } from 'node:os';
import type { Topic } from '../briefing/topics.ts';
import type { ChatAdapter } from '../model/chat-port.ts';
import { reasonOf } from '../model/errors.ts';
import type { LedgerMark } from '../store/ports/delivery-ledger.ts';
import type { Stores } from '../store/ports/port.ts';
import type { Subscription } from '../store/ports/subscriptions.ts';
import { type Clock, systemClock, type Ticker } from './clock.ts';
import { channelName, type DeliveryDeps, deliverSlot, type SlotResult } from './deliver.ts';
import { DEFAULT_POLICY, type DeliveryPolicy } from './policy.ts';
import { slotLabel, slotsBetween } from './slots.ts';
import { parseSchedule, type ScheduleSpec } from './spec.ts';

/**
 * Digests on time, once. node-cron is only the timer: one task wakes the scheduler at second 0
 * of every minute, and each wake-up sweeps every subscription. Which slots are due comes from
 * our own cron engine (slots.ts) and the ledger, never from node-cron, so a slot moved by a
 * daylight-saving gap, a subscription made by another replica and a restart are all handled
 * alike, and waking twice, or on two replicas, sends nothing twice.
 */

export interface SchedulerOptions {
  stores: Stores;
  topics: Topic[];
  adapters: ChatAdapter[];
  clock?: Clock;
  policy?: Partial<DeliveryPolicy>;
  replicaId?: string;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** A digest's public page (BRIEFWIRE_PUBLIC_URL), linked from the digest; none when absent. */
  briefingUrl?: (briefingId: number) => Promise<string | null>;
}

export interface SlotReport {
  subscriptionId: number;
  slot: string;
  result: SlotResult | 'skipped';
}

export interface Scheduler {
  /** Runs on node-cron until stopped, catching up in the background on slots missed while stopped. */
  start(): Promise<void>;
  /** Delivers (or records as skipped) every slot due by `now`; the tests' clock drives this. */
  runDue(now?: Date, only?: number[]): Promise<SlotReport[]>;
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const clock = options.clock ?? systemClock;
  const policy: DeliveryPolicy = { ...DEFAULT_POLICY, ...options.policy };
  const log = options.log ?? (() => {});
  const byPlatform = new Map(options.adapters.map((a) => [a.platform as string, a]));
  const deps: DeliveryDeps = {
    stores: options.stores,
    topics: options.topics,
    adapterFor: (p) => byPlatform.get(p) ?? null,
    clock,
    policy,
    replicaId:
      options.replicaId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    log,
    ...(options.briefingUrl ? { briefingUrl: options.briefingUrl } : {}),
  };
  const busy = new Set<number>();
  const running = new Set<Promise<unknown>>();
  const badSchedules = new Set<string>();
  let sweep: Ticker | null = null;
  let stopped = false;

  const specOf = (sub: Subscription): ScheduleSpec | null => {
    try {
      return parseSchedule(sub.schedule);
    } catch (e) {
      const key = `${sub.id}:${sub.schedule}`;
      if (!badSchedules.has(key)) log('error', `subscription ${sub.id}: ${reasonOf(e)}`);
      badSchedules.add(key);
      return null;
    }
  };

  const deliverable = (all: Subscription[]): Subscription[] =>
    all.filter((s) => s.active && byPlatform.has(s.platform));
  const ours = async (): Promise<Subscription[]> =>
    deliverable(await options.stores.subscriptions.list({}));

  /** The due slots of one subscription, oldest first: the latest is sent, older ones skipped. */
  async function runOne(
    sub: Subscription,
    now: Date,
    mark: LedgerMark | undefined,
  ): Promise<SlotReport[]> {
    const spec = specOf(sub);
    if (!spec) return [];
    const from = new Date(
      Math.max(
        Date.parse(sub.scheduledFrom),
        now.getTime() - policy.lookbackMs,
        mark ? resumeFrom(mark) : Number.NEGATIVE_INFINITY,
      ),
    );
    const due = slotsBetween(spec, sub.timezone, from, now, 100);
    // The common case, every minute: nothing due, and the ledger not read at all.
    if (due.length === 0) return [];
    const ledger = await options.stores.deliveries.list(sub.id, { limit: 200 });
    const rows = new Map(ledger.map((d) => [d.slot, d]));
    const staleBefore = now.getTime() - policy.leaseMs;
    const reports: SlotReport[] = [];
    const latest = due.at(-1)!;
    for (const slot of due) {
      const row = rows.get(slot.toISOString());
      const abandoned = row?.state === 'claimed' && Date.parse(row.claimedAt ?? '') < staleBefore;
      if (row && !abandoned) continue;
      const age = now.getTime() - slot.getTime();
      const inGrace = age <= policy.graceMs && slot === latest;
      if (!row && !inGrace) {
        const why =
          age > policy.graceMs
            ? `missed: Briefwire was not running at ${slotLabel(slot, sub.timezone)}, more than ${hours(policy.graceMs)} before it was back`
            : `missed: a later slot (${slotLabel(latest, sub.timezone)}) was already due when Briefwire was back`;
        if (
          await options.stores.deliveries.skip(sub.id, slot.toISOString(), why, now.toISOString())
        ) {
          reports.push({ subscriptionId: sub.id, slot: slot.toISOString(), result: 'skipped' });
          log('warn', `${sub.topic} digest for ${channelName(sub)} ${why}`);
        }
        continue;
      }
      const result = await deliverSlot(deps, sub, slot, {
        late: age > policy.lateAfterMs,
        mayResend: inGrace,
      });
      reports.push({ subscriptionId: sub.id, slot: slot.toISOString(), result });
      if (result === 'paused') break;
    }
    return reports;
  }

  let prunedAt = Number.NEGATIVE_INFINITY;

  /** Once a day: months of every-minute slots would otherwise pile up in the ledger. */
  async function pruneLedger(now: Date): Promise<void> {
    if (now.getTime() - prunedAt < 24 * 3_600_000) return;
    prunedAt = now.getTime();
    const before = new Date(now.getTime() - policy.keepLedgerMs).toISOString();
    const gone = await options.stores.deliveries.prune(before);
    if (gone) log('info', `forgot ${gone} delivery record(s) of slots before ${before}`);
  }

  async function runDue(now: Date = clock.now(), only?: number[]): Promise<SlotReport[]> {
    return runFor(
      (await ours()).filter((s) => !only || only.includes(s.id)),
      now,
    );
  }

  async function runFor(subs: Subscription[], now: Date): Promise<SlotReport[]> {
    await pruneLedger(now);
    const marks = await options.stores.deliveries.marks();
    // Subscriptions run side by side: a slow or failing channel does not hold up the others.
    const results = await Promise.all(
      subs
        .filter((s) => !busy.has(s.id))
        .map(async (sub) => {
          busy.add(sub.id);
          try {
            return await runOne(sub, now, marks.get(sub.id));
          } catch (e) {
            log('error', `${sub.topic} digest for ${channelName(sub)}: ${reasonOf(e)}`);
            return [];
          } finally {
            busy.delete(sub.id);
          }
        }),
    );
    return results.flat();
  }

  /** Runs in the background, remembered so stop() can wait for it. */
  const background = (work: () => Promise<unknown>): void => {
    if (stopped) return;
    const p = work()
      .catch((e: unknown) => log('error', `scheduler: ${reasonOf(e)}`))
      .finally(() => running.delete(p));
    running.add(p);
  };

  return {
    async start() {
      stopped = false;
      const all = await options.stores.subscriptions.list({});
      const waiting = all.filter((s) => s.active && !byPlatform.has(s.platform));
      for (const p of new Set(waiting.map((s) => s.platform)))
        log(
          'warn',
          `${waiting.filter((s) => s.platform === p).length} ${p} subscription(s) wait: ${p} is not configured here`,
        );
      const subs = deliverable(all);
      // Catching up on missed slots may take a while (retries, many channels): the bot serves meanwhile.
      background(() => runFor(subs, clock.now()));
      // Slots are whole minutes, so a wake-up at second 0 sends a digest at hh:mm:00.
      sweep = clock.everyMinute(() => background(async () => runFor(await ours(), clock.now())));
    },
    runDue,
    async stop() {
      stopped = true;
      await sweep?.stop();
      sweep = null;
      await Promise.allSettled([...running]);
    },
  };
}

/**
 * Where a subscription's slots need looking at again: just before its oldest unfinished claim,
 * else just after its newest row (everything up to it is settled).
 */
function resumeFrom(mark: LedgerMark): number {
  return mark.oldestClaimedSlot
    ? Date.parse(mark.oldestClaimedSlot) - 1
    : Date.parse(mark.newestSlot);
}

function hours(ms: number): string {
  const h = ms / 3_600_000;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} hour${h === 1 ? '' : 's'}`;
}
