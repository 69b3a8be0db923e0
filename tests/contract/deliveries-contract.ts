import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlotClaim } from '../../src/store/ports/delivery-ledger.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import type { Subscription } from '../../src/store/ports/subscriptions.ts';

/**
 * The delivery ledger, the same on every Store: a slot is claimed once; a stale claim (its
 * process died) can be taken over once; only the holder records the outcome.
 */
export function describeDeliveryContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`DeliveryLedger contract: ${name}`, () => {
    let stores: Stores;
    let sub: Subscription;
    beforeEach(async () => {
      stores = await makeStore();
      sub = await stores.subscriptions.save({
        platform: 'slack',
        workspace: 'T1',
        channel: 'C1',
        topic: 'iran-uk',
        schedule: 'daily 08:00',
        timezone: 'Europe/London',
        createdBy: 'U1',
      });
    });
    afterEach(async () => {
      await stores.close();
    });

    const SLOT = '2026-03-29T07:00:00.000Z';
    const claim = (over: Partial<SlotClaim> = {}): SlotClaim => ({
      subscriptionId: sub.id,
      slot: SLOT,
      by: 'replica-a',
      now: '2026-03-29T07:00:01.000Z',
      late: false,
      staleBefore: '2026-03-29T06:45:01.000Z',
      ...over,
    });

    it('gives a slot to the first claimant only', async () => {
      const first = await stores.deliveries.claim(claim());
      expect(first?.takenOver).toBe(false);
      expect(first?.delivery).toMatchObject({ state: 'claimed', claimedBy: 'replica-a' });
      expect(await stores.deliveries.claim(claim({ by: 'replica-b' }))).toBeNull();
      expect(await stores.deliveries.claim(claim())).toBeNull();
      // Another slot of the same subscription is its own row.
      expect(
        await stores.deliveries.claim(claim({ slot: '2026-03-30T07:00:00.000Z' })),
      ).not.toBeNull();
    });

    it('records sent with the message, and nobody can claim the slot again', async () => {
      const c = await stores.deliveries.claim(claim());
      await stores.deliveries.noteAttempt(
        c!.delivery.id,
        'replica-a',
        '2026-03-29T07:00:02.000Z',
        7,
      );
      // A slot found already posted after a take-over keeps the briefing its first attempt noted.
      const outcome = { state: 'sent', messageId: 'm1', thread: 't1', briefingId: null } as const;
      expect(await stores.deliveries.finish(c!.delivery.id, 'replica-a', outcome, 'x')).toBe(true);
      const [row] = await stores.deliveries.list(sub.id);
      expect(row).toMatchObject({ state: 'sent', attempts: 1, messageId: 'm1', briefingId: 7 });
      const muchLater = claim({
        now: '2026-03-30T00:00:00.000Z',
        staleBefore: '2026-03-30T00:00Z',
      });
      expect(await stores.deliveries.claim({ ...muchLater, by: 'replica-b' })).toBeNull();
    });

    it('lets one process take over a stale claim, and the old holder can no longer record', async () => {
      const a = await stores.deliveries.claim(claim());
      const later = { now: '2026-03-29T07:30:00.000Z', staleBefore: '2026-03-29T07:15:00.000Z' };
      const b = await stores.deliveries.claim(claim({ by: 'replica-b', ...later }));
      expect(b?.takenOver).toBe(true);
      expect(b?.delivery.claimedBy).toBe('replica-b');
      // A third process arriving at the same moment finds it fresh again.
      expect(await stores.deliveries.claim(claim({ by: 'replica-c', ...later }))).toBeNull();
      const failed = { state: 'failed', error: 'late writer' } as const;
      expect(await stores.deliveries.finish(a!.delivery.id, 'replica-a', failed, 'x')).toBe(false);
      const sent = { state: 'sent', messageId: 'm2', thread: 't2', briefingId: 3 } as const;
      expect(await stores.deliveries.finish(b!.delivery.id, 'replica-b', sent, 'x')).toBe(true);
      expect((await stores.deliveries.list(sub.id))[0]).toMatchObject({
        state: 'sent',
        claimedBy: 'replica-b',
        briefingId: 3,
      });
    });

    it('marks where each ledger stands: newest slot, oldest open claim', async () => {
      expect(await stores.deliveries.marks()).toEqual(new Map());
      await stores.deliveries.skip(sub.id, '2026-03-27T07:00:00.000Z', 'missed', 'x');
      await stores.deliveries.claim(claim());
      await stores.deliveries.skip(sub.id, '2026-03-30T07:00:00.000Z', 'missed', 'x');
      expect(await stores.deliveries.marks()).toEqual(
        new Map([[sub.id, { newestSlot: '2026-03-30T07:00:00.000Z', oldestClaimedSlot: SLOT }]]),
      );
    });

    it('prunes settled rows before a time, keeping the newest row and open claims', async () => {
      const other = await stores.subscriptions.save({ ...sub, channel: 'C2' });
      for (const day of ['01', '02', '03'])
        await stores.deliveries.skip(sub.id, `2026-01-${day}T08:00:00.000Z`, 'missed', 'x');
      await stores.deliveries.claim(claim({ slot: '2026-01-04T08:00:00.000Z' }));
      await stores.deliveries.skip(sub.id, '2026-05-01T08:00:00.000Z', 'missed', 'x');
      await stores.deliveries.skip(other.id, '2026-01-01T08:00:00.000Z', 'missed', 'x');
      expect(await stores.deliveries.prune('2026-02-01T00:00:00.000Z')).toBe(3);
      expect((await stores.deliveries.list(sub.id)).map((d) => d.slot.slice(0, 10))).toEqual([
        '2026-05-01',
        '2026-01-04',
      ]);
      // The other subscription's only row is its newest: kept, so its sweep knows where it was.
      expect(await stores.deliveries.list(other.id)).toHaveLength(1);
    });

    it('does not take over a claim that is still fresh', async () => {
      await stores.deliveries.claim(claim());
      expect(
        await stores.deliveries.claim(
          claim({ by: 'replica-b', staleBefore: '2026-03-29T07:00:00.000Z' }),
        ),
      ).toBeNull();
    });

    it('records skips once, never over a claimed slot, and lists by state newest first', async () => {
      await stores.deliveries.claim(claim());
      expect(await stores.deliveries.skip(sub.id, SLOT, 'missed', 'x')).toBe(false);
      expect(await stores.deliveries.skip(sub.id, '2026-03-27T08:00:00.000Z', 'missed', 'x')).toBe(
        true,
      );
      expect(await stores.deliveries.skip(sub.id, '2026-03-27T08:00:00.000Z', 'again', 'x')).toBe(
        false,
      );
      await stores.deliveries.skip(sub.id, '2026-03-28T08:00:00.000Z', 'missed', 'x');
      const skipped = await stores.deliveries.list(sub.id, { state: 'skipped' });
      expect(skipped.map((d) => d.slot)).toEqual([
        '2026-03-28T08:00:00.000Z',
        '2026-03-27T08:00:00.000Z',
      ]);
      expect(skipped[0]).toMatchObject({ error: 'missed', claimedBy: null });
      expect(await stores.deliveries.list(sub.id, { limit: 1 })).toHaveLength(1);
    });

    it('pauses with a reason, resumes from now, and drops the ledger with the subscription', async () => {
      const resumedAt = '2099-01-01T00:00:00.000Z';
      await stores.subscriptions.setPaused(sub.id, 'channel C1 no longer exists', 'x');
      expect(await stores.subscriptions.get(sub.id)).toMatchObject({
        active: false,
        pausedReason: 'channel C1 no longer exists',
        scheduledFrom: sub.scheduledFrom,
      });
      await stores.subscriptions.setPaused(sub.id, null, resumedAt);
      expect(await stores.subscriptions.get(sub.id)).toMatchObject({
        active: true,
        pausedReason: null,
        scheduledFrom: resumedAt,
      });
      await stores.deliveries.claim(claim());
      expect(await stores.subscriptions.removeById(sub.id)).toBe(true);
      expect(await stores.subscriptions.get(sub.id)).toBeNull();
      expect(await stores.deliveries.list(sub.id)).toEqual([]);
      expect(await stores.subscriptions.removeById(sub.id)).toBe(false);
    });

    it('keeps whether an empty slot posts a note or stays quiet', async () => {
      expect(sub.whenEmpty).toBe('note');
      const quiet = await stores.subscriptions.save({ ...sub, whenEmpty: 'silent' });
      expect(quiet).toMatchObject({ id: sub.id, whenEmpty: 'silent' });
    });

    it('owes slots from when the current schedule took effect', async () => {
      expect(sub.scheduledFrom).toBe(sub.createdAt);
      await new Promise((r) => setTimeout(r, 5));
      const same = await stores.subscriptions.save({ ...sub, whenEmpty: 'silent' });
      expect(same.scheduledFrom).toBe(sub.scheduledFrom);
      const moved = await stores.subscriptions.save({ ...sub, schedule: 'daily 09:00' });
      expect(moved.scheduledFrom > sub.scheduledFrom).toBe(true);
      expect(moved.createdAt).toBe(sub.createdAt);
    });
  });
}
