import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../src/store/ports/port.ts';

/** Sign-in links open once, before they expire; sessions last until they expire or end. */
export function describeWebAccessContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`WebAccessStore contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await makeStore();
    });
    afterEach(async () => {
      await stores.close();
    });

    const grant = { platform: 'slack', workspace: 'T0LOCH', user: 'U0KEEPER', canManage: true };
    const T0 = '2026-06-01T10:00:00.000Z';
    const T5 = '2026-06-01T10:05:00.000Z';
    const T10 = '2026-06-01T10:10:00.000Z';
    const T11 = '2026-06-01T10:11:00.000Z';

    it('opens a sign-in once, and not after it expires', async () => {
      await stores.webAccess.saveSignin('hash-a', grant, T10, T0);
      await stores.webAccess.saveSignin('hash-b', { ...grant, canManage: false }, T10, T0);
      expect(await stores.webAccess.useSignin('hash-a', T5)).toEqual(grant);
      expect(await stores.webAccess.useSignin('hash-a', T5)).toBeNull();
      expect(await stores.webAccess.useSignin('hash-b', T11)).toBeNull();
      expect(await stores.webAccess.useSignin('no-such-hash', T5)).toBeNull();
    });

    it('gives one of two simultaneous uses of a link the grant', async () => {
      await stores.webAccess.saveSignin('hash-race', grant, T10, T0);
      const both = await Promise.all([
        stores.webAccess.useSignin('hash-race', T5),
        stores.webAccess.useSignin('hash-race', T5),
      ]);
      expect(both.filter((g) => g !== null)).toHaveLength(1);
    });

    it('counts the sign-ins a person asked for since a time', async () => {
      await stores.webAccess.saveSignin('h1', grant, T10, T0);
      await stores.webAccess.saveSignin('h2', grant, T10, T5);
      await stores.webAccess.saveSignin('h3', { ...grant, user: 'U0OTHER' }, T10, T5);
      expect(await stores.webAccess.signinsSince(grant, T0)).toBe(2);
      expect(await stores.webAccess.signinsSince(grant, T5)).toBe(1);
    });

    it('keeps a session until it expires or ends', async () => {
      const session = { ...grant, canManage: false, csrf: 'csrf-token', expiresAt: T10 };
      await stores.webAccess.saveSession('sid', session);
      expect(await stores.webAccess.session('sid', T5)).toEqual(session);
      expect(await stores.webAccess.session('sid', T11)).toBeNull();
      await stores.webAccess.endSession('sid');
      expect(await stores.webAccess.session('sid', T5)).toBeNull();
    });
  });
}
