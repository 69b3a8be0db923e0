import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports/port.ts';

/** Values made once and kept: the first one stored is the one every later caller gets. */
export function describeSettingsContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`SettingsStore contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    it('keeps the first value made and hands it back ever after', async () => {
      expect(await stores.settings.getOrCreate('lamp-secret', () => 'first-value')).toBe(
        'first-value',
      );
      expect(await stores.settings.getOrCreate('lamp-secret', () => 'second-value')).toBe(
        'first-value',
      );
      expect(await stores.settings.getOrCreate('other-key', () => 'another')).toBe('another');
    });

    it('gives two callers at once the same value', async () => {
      const [a, b] = await Promise.all([
        stores.settings.getOrCreate('raced', () => 'from-a'),
        stores.settings.getOrCreate('raced', () => 'from-b'),
      ]);
      expect(a).toBe(b);
    });
  });
}
