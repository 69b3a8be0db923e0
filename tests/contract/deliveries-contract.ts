import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SlotClaim, Store, Subscription } from '../../src/store/port.ts';

/**
 * The delivery ledger, the same on every Store: a slot is claimed once; a stale claim (its
 * process died) can be taken over once; only the holder records the outcome.
 */
export function describeDeliveryContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract, delivery ledger: ${name}`, () => {
    let store: Store;
    let sub: Subscription;
    beforeEach(async () => {
      store = await makeStore();
      sub = await store.saveSubscription({
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
      await store.close();
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
      const first = await store.claimSlot(claim());
      expect(first?.takenOver).toBe(false);
      expect(first?.delivery).toMatchObject({ state: 'claimed', claimedBy: 'replica-a' });
      expect(await store.claimSlot(claim({ by: 'replica-b' }))).toBeNull();
      expect(await store.claimSlot(claim())).toBeNull();
      // Another slot of the same subscription is its own row.
      expect(await store.claimSlot(claim({ slot: '2026-03-30T07:00:00.000Z' }))).not.toBeNull();
    });

    it('records sent with the message, and nobody can claim the slot again', async () => {
      const c = await store.claimSlot(claim());
      await store.noteAttempt(c!.delivery.id, 'replica-a', '2026-03-29T07:00:02.000Z', 7);
      // A slot found already posted after a take-over keeps the briefing its first attempt noted.
      const outcome = { state: 'sent', messageId: 'm1', thread: 't1', briefingId: null } as const;
      expect(await store.finishDelivery(c!.delivery.id, 'replica-a', outcome, 'x')).toBe(true);
      const [row] = await store.listDeliveries(sub.id);
      expect(row).toMatchObject({ state: 'sent', attempts: 1, messageId: 'm1', briefingId: 7 });
      const muchLater = claim({
        now: '2026-03-30T00:00:00.000Z',
        staleBefore: '2026-03-30T00:00Z',
      });
      expect(await store.claimSlot({ ...muchLater, by: 'replica-b' })).toBeNull();
    });

    it('lets one process take over a stale claim, and the old holder can no longer record', async () => {
      const a = await store.claimSlot(claim());
      const later = { now: '2026-03-29T07:30:00.000Z', staleBefore: '2026-03-29T07:15:00.000Z' };
      const b = await store.claimSlot(claim({ by: 'replica-b', ...later }));
      expect(b?.takenOver).toBe(true);
      expect(b?.delivery.claimedBy).toBe('replica-b');
      // A third process arriving at the same moment finds it fresh again.
      expect(await store.claimSlot(claim({ by: 'replica-c', ...later }))).toBeNull();
      const failed = { state: 'failed', error: 'late writer' } as const;
      expect(await store.finishDelivery(a!.delivery.id, 'replica-a', failed, 'x')).toBe(false);
      const sent = { state: 'sent', messageId: 'm2', thread: 't2', briefingId: 3 } as const;
      expect(await store.finishDelivery(b!.delivery.id, 'replica-b', sent, 'x')).toBe(true);
      expect((await store.listDeliveries(sub.id))[0]).toMatchObject({
        state: 'sent',
        claimedBy: 'replica-b',
        briefingId: 3,
      });
    });

    it('marks where each ledger stands: newest slot, oldest open claim', async () => {
      expect(await store.ledgerMarks()).toEqual(new Map());
      await store.skipSlot(sub.id, '2026-03-27T07:00:00.000Z', 'missed', 'x');
      await store.claimSlot(claim());
      await store.skipSlot(sub.id, '2026-03-30T07:00:00.000Z', 'missed', 'x');
      expect(await store.ledgerMarks()).toEqual(
        new Map([[sub.id, { newestSlot: '2026-03-30T07:00:00.000Z', oldestClaimedSlot: SLOT }]]),
      );
    });

    it('prunes settled rows before a time, keeping the newest row and open claims', async () => {
      const other = await store.saveSubscription({ ...sub, channel: 'C2' });
      for (const day of ['01', '02', '03'])
        await store.skipSlot(sub.id, `2026-01-${day}T08:00:00.000Z`, 'missed', 'x');
      await store.claimSlot(claim({ slot: '2026-01-04T08:00:00.000Z' }));
      await store.skipSlot(sub.id, '2026-05-01T08:00:00.000Z', 'missed', 'x');
      await store.skipSlot(other.id, '2026-01-01T08:00:00.000Z', 'missed', 'x');
      expect(await store.pruneDeliveries('2026-02-01T00:00:00.000Z')).toBe(3);
      expect((await store.listDeliveries(sub.id)).map((d) => d.slot.slice(0, 10))).toEqual([
        '2026-05-01',
        '2026-01-04',
      ]);
      // The other subscription's only row is its newest: kept, so its sweep knows where it was.
      expect(await store.listDeliveries(other.id)).toHaveLength(1);
    });

    it('does not take over a claim that is still fresh', async () => {
      await store.claimSlot(claim());
      expect(
        await store.claimSlot(claim({ by: 'replica-b', staleBefore: '2026-03-29T07:00:00.000Z' })),
      ).toBeNull();
    });

    it('records skips once, never over a claimed slot, and lists by state newest first', async () => {
      await store.claimSlot(claim());
      expect(await store.skipSlot(sub.id, SLOT, 'missed', 'x')).toBe(false);
      expect(await store.skipSlot(sub.id, '2026-03-27T08:00:00.000Z', 'missed', 'x')).toBe(true);
      expect(await store.skipSlot(sub.id, '2026-03-27T08:00:00.000Z', 'again', 'x')).toBe(false);
      await store.skipSlot(sub.id, '2026-03-28T08:00:00.000Z', 'missed', 'x');
      const skipped = await store.listDeliveries(sub.id, { state: 'skipped' });
      expect(skipped.map((d) => d.slot)).toEqual([
        '2026-03-28T08:00:00.000Z',
        '2026-03-27T08:00:00.000Z',
      ]);
      expect(skipped[0]).toMatchObject({ error: 'missed', claimedBy: null });
      expect(await store.listDeliveries(sub.id, { limit: 1 })).toHaveLength(1);
    });

    it('pauses with a reason, resumes from now, and drops the ledger with the subscription', async () => {
      const resumedAt = '2099-01-01T00:00:00.000Z';
      await store.setSubscriptionPaused(sub.id, 'channel C1 no longer exists', 'x');
      expect(await store.getSubscription(sub.id)).toMatchObject({
        active: false,
        pausedReason: 'channel C1 no longer exists',
        scheduledFrom: sub.scheduledFrom,
      });
      await store.setSubscriptionPaused(sub.id, null, resumedAt);
      expect(await store.getSubscription(sub.id)).toMatchObject({
        active: true,
        pausedReason: null,
        scheduledFrom: resumedAt,
      });
      await store.claimSlot(claim());
      expect(await store.removeSubscriptionById(sub.id)).toBe(true);
      expect(await store.getSubscription(sub.id)).toBeNull();
      expect(await store.listDeliveries(sub.id)).toEqual([]);
      expect(await store.removeSubscriptionById(sub.id)).toBe(false);
    });

    it('keeps whether an empty slot posts a note or stays quiet', async () => {
      expect(sub.whenEmpty).toBe('note');
      const quiet = await store.saveSubscription({ ...sub, whenEmpty: 'silent' });
      expect(quiet).toMatchObject({ id: sub.id, whenEmpty: 'silent' });
    });

    it('owes slots from when the current schedule took effect', async () => {
      expect(sub.scheduledFrom).toBe(sub.createdAt);
      await new Promise((r) => setTimeout(r, 5));
      const same = await store.saveSubscription({ ...sub, whenEmpty: 'silent' });
      expect(same.scheduledFrom).toBe(sub.scheduledFrom);
      const moved = await store.saveSubscription({ ...sub, schedule: 'daily 09:00' });
      expect(moved.scheduledFrom > sub.scheduledFrom).toBe(true);
      expect(moved.createdAt).toBe(sub.createdAt);
    });
  });
}
