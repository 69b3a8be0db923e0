import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to briefing and article pages that cannot be guessed or forged: the id travels with an
 * HMAC-SHA256 of it under a secret only the server knows, so an id alone never opens a page
 * and changing a character of a link makes it open nothing.
 */

export type PageKind = 'b' | 'a';

export interface PageRef {
  kind: PageKind;
  id: number;
}

export interface LinkSigner {
  /** The path segment naming a page: `b12.<mac>` for briefing 12, `a7.<mac>` for article 7. */
  token(ref: PageRef): string;
  /** The page a token names, or null for anything not signed by this secret. */
  open(token: string): PageRef | null;
}

/** 128 bits of the MAC: plenty against forgery, short enough for a chat link. */
const MAC_CHARS = 22;
const TOKEN = /^([ba])([1-9]\d{0,15})\.([A-Za-z0-9_-]{22})$/;

export function createLinkSigner(secret: string): LinkSigner {
  if (secret.length < 16) throw new Error('a link secret must be at least 16 characters');
  const mac = (ref: PageRef): string =>
    createHmac('sha256', secret)
      .update(`${ref.kind}:${ref.id}`)
      .digest('base64url')
      .slice(0, MAC_CHARS);
  return {
    token: (ref) => `${ref.kind}${ref.id}.${mac(ref)}`,
    open(token) {
      const m = TOKEN.exec(token);
      if (!m) return null;
      const ref: PageRef = { kind: m[1] as PageKind, id: Number(m[2]) };
      if (!Number.isSafeInteger(ref.id)) return null;
      const expected = Buffer.from(mac(ref));
      const given = Buffer.from(m[3]!);
      return expected.length === given.length && timingSafeEqual(expected, given) ? ref : null;
    },
  };
}
