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

/**
 * Phrases read as one word, with a sign that must be in the text first (most sentences hold
 * neither): "in charge (of)" is leading something, while "charged" alone accuses someone; a
 * prime minister leads a government, which "premier" says in one word. stem.ts folds both
 * words onto leading.
 */
const PHRASES: ReadonlyArray<{ pattern: RegExp; word: string; sign: RegExp }> = [
  { pattern: /\bin charge\b/giu, word: 'heading', sign: /charge/u },
  { pattern: /\bprime minister\b/giu, word: 'premier', sign: /minister/iu },
];

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
  for (const { pattern, word, sign } of PHRASES)
    if (sign.test(out)) out = out.replace(pattern, word);
  if (out.includes('-'))
    out = out.replace(HYPHENATED, (m: string, a: string, b: string) =>
      side === 'article' ? `${m} ${a}${b}` : `${a}${b}`,
    );
  return out;
}

/** Content words of an article's text after that normalisation. */
export function readWords(text: string): readonly string[] {
  return contentWords(normaliseForReading(text));
}

/** Where the text holds a phrase the reading turns into one word, and that word. */
export function phrasesRead(text: string): Array<{ from: number; to: number; word: string }> {
  const found: Array<{ from: number; to: number; word: string }> = [];
  for (const { pattern, word, sign } of PHRASES)
    if (sign.test(text))
      for (const m of text.matchAll(pattern))
        found.push({ from: m.index, to: m.index + m[0].length, word });
  return found;
}
