import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports/port.ts';

/** Briefing history, the same on every Store: what was sent to whom, from which articles. */
export function describeBriefingContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`BriefingLog contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    const record = (topic: string, audience: string, createdAt: string, articleIds: number[]) => ({
      topic,
      audience,
      createdAt,
      window: '7d',
      articleIds,
    });

    it("lists a topic's delivered briefings, newest first, across audiences", async () => {
      const a = await stores.briefings.save(
        record('harbour', 'cli:ana', '2026-05-01T08:00:00.000Z', [1]),
      );
      const b = await stores.briefings.save(
        record('harbour', 'slack:T1:C1', '2026-05-03T08:00:00.000Z', [2]),
      );
      await stores.briefings.save(record('ferries', 'cli:ana', '2026-05-04T08:00:00.000Z', [3]));
      await stores.briefings.save({
        ...record('harbour', 'discord:9', '2026-05-05T08:00:00.000Z', [4]),
        delivered: false,
      });
      const c = await stores.briefings.save(
        record('harbour', 'cli:bo', '2026-05-02T08:00:00.000Z', [5]),
      );
      expect((await stores.briefings.recent('harbour', 10)).map((x) => x.id)).toEqual([b, c, a]);
      expect((await stores.briefings.recent('harbour', 2)).map((x) => x.id)).toEqual([b, c]);
      expect(await stores.briefings.recent('nothing', 5)).toEqual([]);
    });

    it('saves a briefing and reads it back by id', async () => {
      const id = await stores.briefings.save(
        record('iran-uk', 'cli:ana', '2026-11-20T08:00:00.000Z', [3, 1, 2]),
      );
      expect(await stores.briefings.get(id)).toEqual({
        id,
        ...record('iran-uk', 'cli:ana', '2026-11-20T08:00:00.000Z', [3, 1, 2]),
        delivered: true,
      });
      expect(await stores.briefings.get(id + 1000)).toBeNull();
    });

    it('finds the latest briefing per topic and audience, never another audience’s', async () => {
      await stores.briefings.save(record('iran-uk', 'cli:ana', '2026-11-20T08:00:00.000Z', [1]));
      const latest = await stores.briefings.save(
        record('iran-uk', 'cli:ana', '2026-11-21T08:00:00.000Z', [1, 2]),
      );
      await stores.briefings.save(record('iran-uk', 'discord:42', '2026-11-22T08:00:00.000Z', [9]));
      await stores.briefings.save(record('climate', 'cli:ana', '2026-11-23T08:00:00.000Z', [7]));
      expect((await stores.briefings.last('iran-uk', 'cli:ana'))?.id).toBe(latest);
      expect((await stores.briefings.last('iran-uk', 'discord:42'))?.articleIds).toEqual([9]);
      expect(await stores.briefings.last('iran-uk', 'slack:T1:C1')).toBeNull();
    });

    it('breaks a tie in time by the later insert', async () => {
      await stores.briefings.save(record('t', 'a', '2026-11-20T08:00:00.000Z', [1]));
      const second = await stores.briefings.save(record('t', 'a', '2026-11-20T08:00:00.000Z', [2]));
      expect((await stores.briefings.last('t', 'a'))?.id).toBe(second);
    });

    it('counts only delivered briefings as what an audience was told', async () => {
      const told = await stores.briefings.save(
        record('iran-uk', 'digest:4', '2026-11-20T08:00:00.000Z', [1]),
      );
      const pending = await stores.briefings.save({
        ...record('iran-uk', 'digest:4', '2026-11-21T08:00:00.000Z', [1, 2]),
        delivered: false,
      });
      expect((await stores.briefings.get(pending))?.delivered).toBe(false);
      expect((await stores.briefings.last('iran-uk', 'digest:4'))?.id).toBe(told);
      await stores.briefings.markDelivered(pending);
      expect((await stores.briefings.last('iran-uk', 'digest:4'))?.id).toBe(pending);
    });
  });
}
