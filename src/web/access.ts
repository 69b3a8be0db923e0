import { createHash, randomBytes } from 'node:crypto';
import type { Stores } from '../store/ports/port.ts';
import type { WebGrant } from '../store/ports/web-access.ts';

/**
 * Sign-in for the control panel without an OAuth app: a person asks in chat, and gets a
 * private link that works once, for ten minutes, and signs them in for that server or
 * workspace with the rights the chat check gave them. Only the link's hash is stored.
 */

export const SIGNIN_VALID_MS = 10 * 60_000;
/** Links one person may ask for in SIGNIN_VALID_MS: enough for a mistake or two, not a flood. */
export const SIGNINS_PER_WINDOW = 5;

export type SigninResult = { url: string } | { refused: string };

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export async function issueSignin(
  stores: Stores,
  publicUrl: string,
  grant: WebGrant,
  now: Date,
): Promise<SigninResult> {
  const since = new Date(now.getTime() - SIGNIN_VALID_MS).toISOString();
  if ((await stores.webAccess.signinsSince(grant, since)) >= SIGNINS_PER_WINDOW)
    return {
      refused:
        'You asked for several sign-in links just now; use the last one, or ask again in ten minutes.',
    };
  const token = newSecret();
  const expires = new Date(now.getTime() + SIGNIN_VALID_MS).toISOString();
  await stores.webAccess.saveSignin(secretHash(token), grant, expires, now.toISOString());
  return { url: `${publicUrl}/signin/${token}` };
}
