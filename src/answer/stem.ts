/**
 * A small suffix stripper and a short synonym table, so a question's "plots" or "revealed"
 * meets an article's "attempts" or "revelations". Both sides go through the same function, so
 * a stem only needs to be consistent, not a real word.
 */

/** Longest first: the first suffix that leaves a long enough stem wins. */
const SUFFIXES: Array<[suffix: string, replacement: string, minStem: number]> = [
  ['ations', '', 4],
  ['ation', '', 4],
  ['ating', '', 4],
  ['ated', '', 4],
  ['ates', '', 4],
  ['ate', '', 4],
  ['ies', 'y', 3],
  ['ied', 'y', 2],
  ['ing', '', 3],
  ['ed', '', 3],
  ['es', '', 3],
  ['s', '', 3],
];

const DOUBLE_END = /([b-df-hj-np-tv-z])\1$/;

export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length <= 3) return w;
  for (const [suffix, replacement, minStem] of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (base.length < minStem) continue;
    // "-ss" is not a plural ("press"), and "-es" only follows a sibilant ("watches", "taxes").
    if (suffix === 's' && base.endsWith('s')) continue;
    if (suffix === 'es' && !/(?:s|x|z|ch|sh)$/.test(base)) continue;
    w = base + replacement;
    // "planned", "kidnapping": undo the doubled consonant the suffix brought.
    if ((suffix === 'ing' || suffix === 'ed') && DOUBLE_END.test(w) && !w.endsWith('ll')) {
      w = w.slice(0, -1);
    }
    break;
  }
  // "lure" and "lured" both become "lur".
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Groups of words news writers use for one another; the first is the group's name. */
const SYNONYM_GROUPS: string[][] = [
  ['attempt', 'plot', 'plan', 'scheme', 'conspiracy', 'try', 'bid'],
  ['reveal', 'revelation', 'disclose', 'disclosure', 'expose'],
  ['kill', 'assassinate', 'assassination', 'murder'],
  ['kidnap', 'abduct', 'abduction', 'kidnapping'],
  ['lure', 'entice', 'draw'],
  ['protest', 'demonstration', 'rally'],
  ['agent', 'operative', 'spy'],
  ['threat', 'danger', 'menace'],
  ['journalist', 'reporter'],
];

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const name = stem(group[0]!);
  for (const word of group) CANONICAL.set(stem(word), name);
}

/** The word's stem, folded onto its synonym group when it has one. */
export function concept(word: string): string {
  const s = stem(word);
  return CANONICAL.get(s) ?? s;
}
