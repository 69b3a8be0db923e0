import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports/port.ts';
import type { NewSubscription } from '../../src/store/ports/subscriptions.ts';

/** SubscriptionStore, the same on every implementation: channels' digest subscriptions. */
export function describeSubscriptionContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`SubscriptionStore contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    const sub = (over: Partial<NewSubscription> = {}): NewSubscription => ({
      platform: 'discord',
      workspace: 'g1',
      channel: 'c1',
      topic: 'iran-uk',
      schedule: 'daily 08:00',
      timezone: 'Europe/London',
      createdBy: 'u1',
      ...over,
    });

    it('adds a subscription, and a second one for the same channel and topic updates it', async () => {
      const first = await stores.subscriptions.save(sub());
      expect(first).toMatchObject({ ...sub(), active: true, pausedReason: null });
      const again = await stores.subscriptions.save(
        sub({ schedule: 'weekdays 07:30', timezone: 'Asia/Tokyo' }),
      );
      expect(again.id).toBe(first.id);
      expect(await stores.subscriptions.list({ platform: 'discord', channel: 'c1' })).toEqual([
        again,
      ]);
      expect(again).toMatchObject({ schedule: 'weekdays 07:30', timezone: 'Asia/Tokyo' });
    });

    it('lists by channel, keeps channels apart, and removes by topic', async () => {
      await stores.subscriptions.save(sub());
      await stores.subscriptions.save(sub({ topic: 'climate' }));
      await stores.subscriptions.save(sub({ channel: 'c2' }));
      await stores.subscriptions.save(sub({ platform: 'slack', workspace: null, channel: 'c1' }));
      const c1 = await stores.subscriptions.list({
        platform: 'discord',
        workspace: 'g1',
        channel: 'c1',
      });
      expect(c1.map((s) => s.topic)).toEqual(['climate', 'iran-uk']);
      expect((await stores.subscriptions.list({ platform: 'slack' }))[0]?.workspace).toBeNull();
      expect(
        await stores.subscriptions.remove(
          { platform: 'discord', workspace: 'g1', channel: 'c1' },
          'climate',
        ),
      ).toBe(true);
      expect(
        await stores.subscriptions.remove(
          { platform: 'discord', workspace: 'g1', channel: 'c1' },
          'climate',
        ),
      ).toBe(false);
      expect(await stores.subscriptions.list({})).toHaveLength(3);
    });
  });
}
