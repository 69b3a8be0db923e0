import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links to briefing, article and topic pages that cannot be guessed or forged: what a link
 * names travels with an HMAC-SHA256 of it under a secret only the server knows, so an id or a
 * topic alone never opens a page and changing a character of a link makes it open nothing.
 */

export type PageRef = { kind: 'b' | 'a'; id: number } | { kind: 't'; slug: string };

export interface LinkSigner {
  /** The path segment naming a page: `b12.<mac>` (briefing 12), `a7.<mac>`, `t-harbour.<mac>`. */
  token(ref: PageRef): string;
  /** The page a token names, or null for anything not signed by this secret. */
  open(token: string): PageRef | null;
}

/** 128 bits of the MAC: plenty against forgery, short enough for a chat link. */
const MAC_CHARS = 22;
const ID_TOKEN = /^([ba])([1-9]\d{0,15})\.([A-Za-z0-9_-]{22})$/;
const TOPIC_TOKEN = /^t-([a-z0-9][a-z0-9-]{0,63})\.([A-Za-z0-9_-]{22})$/;

export function createLinkSigner(secret: string): LinkSigner {
  if (secret.length < 16) throw new Error('a link secret must be at least 16 characters');
  const named = (ref: PageRef): string =>
    ref.kind === 't' ? `t-${ref.slug}` : `${ref.kind}${ref.id}`;
  const mac = (ref: PageRef): string =>
    createHmac('sha256', secret).update(named(ref)).digest('base64url').slice(0, MAC_CHARS);
  const verified = (ref: PageRef, given: string): PageRef | null => {
    const expected = Buffer.from(mac(ref));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? ref : null;
  };
  return {
    token: (ref) => `${named(ref)}.${mac(ref)}`,
    open(token) {
      const topic = TOPIC_TOKEN.exec(token);
      if (topic) return verified({ kind: 't', slug: topic[1]! }, topic[2]!);
      const m = ID_TOKEN.exec(token);
      if (!m) return null;
      const id = Number(m[2]);
      return Number.isSafeInteger(id) ? verified({ kind: m[1] as 'b' | 'a', id }, m[3]!) : null;
    },
  };
}
