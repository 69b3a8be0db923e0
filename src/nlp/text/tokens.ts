import nlp from 'compromise';

/**
 * Tokens with offsets and compromise's part-of-speech tags. compromise is our lexicon and
 * tagger; everything the analyser decides on top of it (names, roles, speakers) is ours.
 */
export interface Token {
  /** The word without surrounding punctuation, possessive removed ("Iran’s" → "Iran"). */
  word: string;
  lower: string;
  start: number;
  /** End of `word` (exclusive), so text.slice(start, end) === word. */
  end: number;
  /** Punctuation right before and after the word, as compromise split it. */
  pre: string;
  post: string;
  possessive: boolean;
  tags: ReadonlySet<string>;
  /** Index of the sentence (from our splitter) the token lies in. */
  sentence: number;
  /** First token of its sentence. */
  sentenceStart: boolean;
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface CompromiseSentence {
  terms: CompromiseTerm[];
}

const POSSESSIVE = /[’']s$/u;

/** Tags every term of text; sentence indices come from our splitter's spans. */
export function tokenize(text: string, sentenceEnds: number[]): Token[] {
  const doc = nlp(text);
  const json = doc.json({ offset: true }) as CompromiseSentence[];
  const tokens: Token[] = [];
  let sentence = 0;
  let previousSentence = -1;
  for (const s of json) {
    for (const term of s.terms) {
      const start = text.indexOf(term.text, term.offset.start);
      if (start < 0 || !term.text) continue;
      while (sentence < sentenceEnds.length - 1 && start >= (sentenceEnds[sentence] ?? 0))
        sentence++;
      const previous = tokens.at(-1);
      if (previous && previous.sentence === sentence && foldInto(previous, term)) continue;
      const possessive = POSSESSIVE.test(term.text) && term.text.length > 2;
      const word = possessive ? term.text.slice(0, -2) : term.text;
      tokens.push({
        word,
        lower: word.toLowerCase(),
        start,
        end: start + word.length,
        pre: term.pre,
        post: possessive ? `${term.text.slice(-2)}${term.post}` : term.post,
        possessive,
        tags: new Set(term.tags),
        sentence,
        sentenceStart: sentence !== previousSentence,
      });
      previousSentence = sentence;
    }
  }
  return tokens;
}

/**
 * Text tokenised with spaces around punctuation and possessives (wire feeds, "Iran 's",
 * "said , adding") gives compromise terms that are only punctuation or a lone "s". Folding
 * them into the word before makes such text look like ordinary prose to everything after.
 */
function foldInto(previous: Token, term: CompromiseTerm): boolean {
  const lone = `${term.pre}${term.text}`;
  if (/^[’']s$/u.test(lone) && !previous.possessive) {
    previous.possessive = true;
    previous.post += `${lone}${term.post}`;
    return true;
  }
  if (/[\p{L}\p{N}&]/u.test(term.text)) return false;
  previous.post += `${term.pre}${term.text}${term.post}`;
  return true;
}

export function isCapitalised(word: string): boolean {
  return /^[\p{Lu}]/u.test(word) || /^\p{N}+\p{Lu}/u.test(word);
}

/** True when the punctuation after a token ends a phrase (comma, colon, quote, bracket…). */
export function breaksAfter(token: Token): boolean {
  return /[,;:.!?"“”()[\]—–]/.test(token.post.replace(/^[’']s/u, ''));
}

export function breaksBefore(token: Token): boolean {
  return /["“”‘()[\]—–]/.test(token.pre);
}
