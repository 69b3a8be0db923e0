import type { Analysis } from '../model/analysis.ts';
import type { Token } from './text/tokens.ts';

/**
 * Is an article in English? Analysis (the tagger, speech verbs, roles) knows only English, so
 * on another language it would report articles and pronouns as actors. Told apart by the
 * share of each language's most common function words in the opening text (ADR 0010 says why
 * not a library): a few hundred words are plenty, and the test costs one pass over them.
 */

/** ISO 639-1 code of a language we can name, or 'und' for another language or script. */
export type LanguageCode = 'en' | 'fr' | 'de' | 'es' | 'it' | 'pt' | 'nl' | 'und';

/** Words read from the start of the text: enough to tell, and the cost stays flat. */
const SAMPLE_WORDS = 600;
/** Fewer function words than this (a title, a list) is too little to tell: taken as English. */
const MIN_HITS = 8;
/** Another language wins only by this factor over English, so quoted foreign words do not. */
const MARGIN = 2;
const LATIN_START = /^[\p{Script=Latin}\p{N}]/u;
/** Below this share of words in Latin letters the text is in another script. */
const MIN_LATIN_SHARE = 0.5;

/**
 * Frequent function words of each language, leaving out those common in English text too
 * ("a", "in", "do", "no", "as", "plus") or standing for English abbreviations ("UN", "MIT").
 */
const FUNCTION_WORDS: Record<Exclude<LanguageCode, 'und'>, ReadonlySet<string>> = {
  en: words(
    'the of and to is that for it was on with by at he she his her from said have has be are ' +
      'were this which not but an they their who will would been had or we you its after than ' +
      'about also when there what',
  ),
  fr: words(
    'le la les de des du une et est que qui dans pour pas sur au aux avec ce cette ces il elle ' +
      'ils sont été par ont mais ou son sa ses leur nous vous lui selon aussi être fait',
  ),
  de: words(
    'der die das und ist nicht ein eine einen den des zu sich auf für von im auch es sie er ' +
      'wird werden wurde hat haben sind nach bei aus als wie noch über dass oder',
  ),
  es: words(
    'el la los las de del y en que una por con para es se lo su sus más como pero fue ha han ' +
      'este esta según entre sobre también',
  ),
  it: words(
    'il lo la gli le di del della dei e che una con è sono si da nel nella alla anche più ma ' +
      'ha hanno questo questa',
  ),
  pt: words(
    'o os a as de da dos das e que uma em na nos nas por com para não é se ao mais mas foi tem ' +
      'são seu sua também',
  ),
  nl: words(
    'de het een en van dat op te zijn voor niet die er aan om ook als bij maar nog naar dan ' +
      'wordt werd heeft hebben',
  ),
};

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/));
}

/** Each function word with the languages it belongs to: one lookup a word. */
const LANGUAGES_OF = new Map<string, LanguageCode[]>();
for (const [code, set] of Object.entries(FUNCTION_WORDS) as [LanguageCode, ReadonlySet<string>][])
  for (const word of set) LANGUAGES_OF.set(word, [...(LANGUAGES_OF.get(word) ?? []), code]);

/** The language of a text, judged on its opening words. */
export function detectLanguage(text: string): LanguageCode {
  const sample: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu)) {
    sample.push(m[0]);
    if (sample.length >= SAMPLE_WORDS) break;
  }
  return languageOfWords(sample);
}

/** The language of tokenised text (the tokens analysis already has), on its opening words. */
export function isEnglishTokens(tokens: readonly Token[]): boolean {
  const sample: string[] = [];
  for (let i = 0; i < tokens.length && sample.length < SAMPLE_WORDS; i++)
    sample.push(tokens[i]!.word);
  return languageOfWords(sample) === 'en';
}

function languageOfWords(sample: readonly string[]): LanguageCode {
  let latin = 0;
  for (const w of sample) if (LATIN_START.test(w)) latin++;
  if (sample.length > 0 && latin / sample.length < MIN_LATIN_SHARE) return 'und';
  const hits = new Map<LanguageCode, number>();
  for (const w of sample) {
    const codes = LANGUAGES_OF.get(w.toLowerCase());
    if (codes) for (const code of codes) hits.set(code, (hits.get(code) ?? 0) + 1);
  }
  const english = hits.get('en') ?? 0;
  let best: LanguageCode = 'en';
  let bestHits = english;
  for (const [code, n] of hits)
    if (n > bestHits) {
      best = code;
      bestHits = n;
    }
  if (best === 'en' || bestHits < MIN_HITS || bestHits < english * MARGIN) return 'en';
  return best;
}

/**
 * An analysis for a text not in English: its sentences and summary stay (the article is
 * stored and can be read), but no actors, mentions or quotes, which would be junk, and
 * `language` says why. An English text's analysis is returned as it is.
 */
export function englishOnly(analysis: Analysis, text: string): Analysis {
  const language = analysis.language ?? detectLanguage(text);
  if (language === 'en') return analysis;
  return { ...analysis, actors: [], mentions: [], quotes: [], language };
}
