import { TITLE_WORDS } from '../nlp/text/lexicon.ts';
import { placeKey } from '../nlp/text/places.ts';

/**
 * Comparable forms of the names articles give actors, for merging them across articles:
 * "Sen. Mara Quist", "Mara J. Quist" and "Quist" differ in titles, initials and length,
 * not in who they name. Forms are lowercase, without diacritics or dots.
 */

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Words an acronym skips: "Securities and Exchange Commission" is SEC. */
const ACRONYM_SKIPS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'at', '&']);

function words(name: string): string[] {
  return placeKey(name)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/\./g, ''))
    .filter(Boolean);
}

/** A person's name without leading titles, initials or suffixes: "donald trump". */
export function personWords(name: string): string[] {
  const all = words(name);
  let start = 0;
  // A title ends where the name starts; a bare title stays (it is all the name there is).
  while (start < all.length - 1 && TITLE_WORDS.has(all[start]!)) start++;
  const rest = all.slice(start);
  const core = rest.filter((w) => w.length > 1 && !SUFFIXES.has(w));
  return core.length > 0 ? core : rest;
}

/** An organisation's name as words ("the" already dropped by placeKey): "new york times". */
export function organizationWords(name: string): string[] {
  return words(name);
}

/** "UN" for "U.N.", "FBI" for "FBI": a name written as capitals, two to six of them. */
export function asAcronym(name: string): string | null {
  const bare = name.replace(/[.&]/g, '');
  return /^[A-Z][A-Z0-9]{1,5}$/.test(bare) ? bare : null;
}

/** "SEC" for "Securities and Exchange Commission"; null for a one-word name. */
export function acronymOf(name: string): string | null {
  const initials = name
    .split(/[\s-]+/)
    .filter((w) => w && !ACRONYM_SKIPS.has(w.toLowerCase()))
    .map((w) => w.replace(/^[^\p{L}]+/u, '')[0] ?? '')
    .join('')
    .toUpperCase();
  return initials.length >= 2 && name.trim().includes(' ') ? initials : null;
}

/** Whether a name opens with a title ("Sen. Mara Quist"): a poorer display form than the bare name. */
export function opensWithTitle(name: string): boolean {
  const first = words(name)[0];
  return first !== undefined && TITLE_WORDS.has(first) && words(name).length > 1;
}
