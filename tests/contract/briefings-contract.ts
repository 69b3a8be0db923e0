import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/port.ts';

/** Briefing history, the same on every Store: what was sent to whom, from which articles. */
export function describeBriefingContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract, briefings: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    const record = (topic: string, audience: string, createdAt: string, articleIds: number[]) => ({
      topic,
      audience,
      createdAt,
      window: '7d',
      articleIds,
    });

    it('saves a briefing and reads it back by id', async () => {
      const id = await store.saveBriefing(
        record('iran-uk', 'cli:ana', '2026-11-20T08:00:00.000Z', [3, 1, 2]),
      );
      expect(await store.getBriefing(id)).toEqual({
        id,
        ...record('iran-uk', 'cli:ana', '2026-11-20T08:00:00.000Z', [3, 1, 2]),
      });
      expect(await store.getBriefing(id + 1000)).toBeNull();
    });

    it('finds the latest briefing per topic and audience, never another audience’s', async () => {
      await store.saveBriefing(record('iran-uk', 'cli:ana', '2026-11-20T08:00:00.000Z', [1]));
      const latest = await store.saveBriefing(
        record('iran-uk', 'cli:ana', '2026-11-21T08:00:00.000Z', [1, 2]),
      );
      await store.saveBriefing(record('iran-uk', 'discord:42', '2026-11-22T08:00:00.000Z', [9]));
      await store.saveBriefing(record('climate', 'cli:ana', '2026-11-23T08:00:00.000Z', [7]));
      expect((await store.lastBriefing('iran-uk', 'cli:ana'))?.id).toBe(latest);
      expect((await store.lastBriefing('iran-uk', 'discord:42'))?.articleIds).toEqual([9]);
      expect(await store.lastBriefing('iran-uk', 'slack:T1:C1')).toBeNull();
    });

    it('breaks a tie in time by the later insert', async () => {
      await store.saveBriefing(record('t', 'a', '2026-11-20T08:00:00.000Z', [1]));
      const second = await store.saveBriefing(record('t', 'a', '2026-11-20T08:00:00.000Z', [2]));
      expect((await store.lastBriefing('t', 'a'))?.id).toBe(second);
    });
  });
}
