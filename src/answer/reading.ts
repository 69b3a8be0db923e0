import { contentWords } from '../nlp/words.ts';

/**
 * A question and an article read the same way before their words are compared: dotted
 * initials as one word ("U.S." is "US"), the country "US" kept apart from the pronoun "us"
 * by one spelling for it, "in charge of" as leading, and a hyphenated word also as one
 * ("anti-virus" meets "antivirus").
 */

/** "U.S.", "N.Y.U.": initials with dots. */
const DOTTED_INITIALS = /\b(?:\p{Lu}\.){2,}/gu;
/** "US", "USA" and "United States": one country. */
const COUNTRY_US = /\bUSA?\b|\bUnited States\b/gu;

/** "in charge (of)" is leading something; "charged" alone accuses someone (stem.ts folds leading words). */
const IN_CHARGE = /\bin charge\b/giu;
/** A prime minister leads a government, which "premier" says in one word (a leading word). */
const PRIME_MINISTER = /\bprime minister\b/giu;

/** "anti-virus": a word joined by a hyphen, also read as one ("antivirus"). */
const HYPHENATED = /\b(\p{L}+)-(\p{L}+)\b/gu;

/**
 * An article keeps a hyphenated word's parts and adds the joined word; a question asks with the
 * joined word only, so "on-air" does not count as three words the answer must share.
 */
export function normaliseForReading(
  text: string,
  side: 'article' | 'question' = 'article',
): string {
  // Each pattern only where its sign is: most sentences have no dotted initials or hyphens,
  // and every sentence of every candidate article passes through here.
  let out = text;
  if (out.includes('.')) out = out.replace(DOTTED_INITIALS, (m: string) => m.replace(/\./g, ''));
  if (out.includes('US') || out.includes('United States')) out = out.replace(COUNTRY_US, 'USA');
  if (out.includes('charge')) out = out.replace(IN_CHARGE, 'heading');
  if (/prime minister/iu.test(out)) out = out.replace(PRIME_MINISTER, 'premier');
  if (out.includes('-'))
    out = out.replace(HYPHENATED, (m: string, a: string, b: string) =>
      side === 'article' ? `${m} ${a}${b}` : `${a}${b}`,
    );
  return out;
}

/** Content words of an article's text after that normalisation. */
export function readWords(text: string): string[] {
  return contentWords(normaliseForReading(text));
}

/** Where the text holds a phrase the reading turns into one word, and that word. */
export function phrasesRead(text: string): Array<{ from: number; to: number; word: string }> {
  const found: Array<{ from: number; to: number; word: string }> = [];
  for (const [pattern, word] of [
    [IN_CHARGE, 'heading'],
    [PRIME_MINISTER, 'premier'],
  ] as const)
    for (const m of text.matchAll(pattern))
      found.push({ from: m.index, to: m.index + m[0].length, word });
  return found;
}
