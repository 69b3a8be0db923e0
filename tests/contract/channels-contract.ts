import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewSubscription, Store } from '../../src/store/port.ts';

/** Channel state, the same on every Store: digest subscriptions and which briefing a thread is about. */
export function describeChannelContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract, channels: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
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
      const first = await store.saveSubscription(sub());
      expect(first).toMatchObject({ ...sub(), active: true, pausedReason: null });
      const again = await store.saveSubscription(
        sub({ schedule: 'weekdays 07:30', timezone: 'Asia/Tokyo' }),
      );
      expect(again.id).toBe(first.id);
      expect(await store.listSubscriptions({ platform: 'discord', channel: 'c1' })).toEqual([
        again,
      ]);
      expect(again).toMatchObject({ schedule: 'weekdays 07:30', timezone: 'Asia/Tokyo' });
    });

    it('lists by channel, keeps channels apart, and removes by topic', async () => {
      await store.saveSubscription(sub());
      await store.saveSubscription(sub({ topic: 'climate' }));
      await store.saveSubscription(sub({ channel: 'c2' }));
      await store.saveSubscription(sub({ platform: 'slack', workspace: null, channel: 'c1' }));
      const c1 = await store.listSubscriptions({
        platform: 'discord',
        workspace: 'g1',
        channel: 'c1',
      });
      expect(c1.map((s) => s.topic)).toEqual(['climate', 'iran-uk']);
      expect((await store.listSubscriptions({ platform: 'slack' }))[0]?.workspace).toBeNull();
      expect(
        await store.removeSubscription(
          { platform: 'discord', workspace: 'g1', channel: 'c1' },
          'climate',
        ),
      ).toBe(true);
      expect(
        await store.removeSubscription(
          { platform: 'discord', workspace: 'g1', channel: 'c1' },
          'climate',
        ),
      ).toBe(false);
      expect(await store.listSubscriptions({})).toHaveLength(3);
    });

    it('links a thread to a briefing and finds it again', async () => {
      const id = await store.saveBriefing({
        topic: 'iran-uk',
        audience: 'discord:c1',
        createdAt: '2026-11-25T08:00:00.000Z',
        window: '7d',
        articleIds: [1],
      });
      await store.linkThread('discord:g1:t9', id);
      expect(await store.briefingForThread('discord:g1:t9')).toBe(id);
      expect(await store.briefingForThread('discord:g1:t10')).toBeNull();
    });

    it("remembers what a thread's questions are about", async () => {
      const id = await store.saveBriefing({
        topic: 't',
        audience: 'a',
        createdAt: '2026-11-25T08:00:00.000Z',
        window: '7d',
        articleIds: [],
      });
      await store.linkThread('slack:T1:1.2', id);
      expect(await store.threadFocus('slack:T1:1.2')).toBeNull();
      await store.setThreadFocus('slack:T1:1.2', 'Ken McCallum');
      expect(await store.threadFocus('slack:T1:1.2')).toBe('Ken McCallum');
      expect(await store.threadFocus('slack:T1:9.9')).toBeNull();
    });
  });
}
