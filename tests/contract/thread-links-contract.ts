import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports/port.ts';
import { THREAD_TURNS_KEPT, type ThreadTurn } from '../../src/store/ports/thread-links.ts';

/**
 * ThreadLinks, the same on every implementation: which briefing a thread is about, its focus,
 * and the turns follow-up pronouns read (who each question and its answer named).
 */
export function describeThreadLinksContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`ThreadLinks contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    /** A thread links to a recorded briefing (the store may enforce the reference). */
    const recordBriefing = (audience: string): Promise<number> =>
      stores.briefings.save({
        topic: 'harbour-strike',
        audience,
        createdAt: '2026-11-25T08:00:00.000Z',
        window: '7d',
        articleIds: [1],
      });

    it('hands an event to the first to claim it, and forgets events after a day', async () => {
      const at = '2026-03-02T10:00:00.000Z';
      expect(await stores.threads.firstHandling('slack:C1/1700.5', at)).toBe(true);
      expect(await stores.threads.firstHandling('slack:C1/1700.5', at)).toBe(false);
      expect(await stores.threads.firstHandling('slack:C1/1700.6', at)).toBe(true);
      // Both claimers of one event at once: exactly one wins.
      const both = await Promise.all([
        stores.threads.firstHandling('slack:C1/1700.7', at),
        stores.threads.firstHandling('slack:C1/1700.7', at),
      ]);
      expect(both.filter(Boolean)).toHaveLength(1);
      expect(
        await stores.threads.firstHandling('slack:C1/1700.5', '2026-03-03T10:00:01.000Z'),
      ).toBe(true);
    });

    it('links a thread to a briefing and finds it again', async () => {
      const id = await recordBriefing('discord:c1');
      await stores.threads.link('discord:g1:t9', id);
      expect(await stores.threads.briefingFor('discord:g1:t9')).toBe(id);
      expect(await stores.threads.briefingFor('discord:g1:t10')).toBeNull();
    });

    it("remembers what a thread's questions are about", async () => {
      const id = await recordBriefing('slack:T1:C1');
      await stores.threads.link('slack:T1:1.2', id);
      expect(await stores.threads.focus('slack:T1:1.2')).toBeNull();
      await stores.threads.setFocus('slack:T1:1.2', 'Mara Quist');
      expect(await stores.threads.focus('slack:T1:1.2')).toBe('Mara Quist');
      expect(await stores.threads.focus('slack:T1:9.9')).toBeNull();
    });

    /** A turn about one person, whose answer named an organisation. */
    const turn = (who: string): ThreadTurn => ({
      subject: { name: who, type: 'person' },
      named: [],
      answered: [{ name: 'Portline', type: 'organization' }],
    });

    it('keeps the last turns of a linked thread, oldest first, and makes a subject the focus', async () => {
      const id = await recordBriefing('discord:c2');
      await stores.threads.link('discord:g1:t20', id);
      expect(await stores.threads.turns('discord:g1:t20')).toEqual([]);
      const names = Array.from({ length: THREAD_TURNS_KEPT + 2 }, (_, k) => `Person ${k}`);
      for (const n of names) await stores.threads.addTurn('discord:g1:t20', turn(n));
      const kept = await stores.threads.turns('discord:g1:t20');
      expect(kept.map((t) => t.subject?.name)).toEqual(names.slice(-THREAD_TURNS_KEPT));
      expect(kept[0]?.answered).toEqual([{ name: 'Portline', type: 'organization' }]);
      expect(await stores.threads.focus('discord:g1:t20')).toBe(names.at(-1));
    });

    it('records no turn for a thread that is not linked', async () => {
      await stores.threads.addTurn('discord:g1:nowhere', turn('Mara Quist'));
      expect(await stores.threads.turns('discord:g1:nowhere')).toEqual([]);
    });
  });
}
