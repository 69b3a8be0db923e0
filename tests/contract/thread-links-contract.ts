import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports/port.ts';

/** ThreadLinks, the same on every implementation: which briefing a thread is about, and its focus. */
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
  });
}
