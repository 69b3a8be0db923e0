import nlp from 'compromise';
import { LIMITS } from '../../model/limits.ts';

/**
 * Tokens with offsets and compromise's part-of-speech tags. compromise is our lexicon and
 * tagger; everything the analyser decides on top of it (names, roles, speakers) is ours.
 */
export interface Token {
  /** The word without surrounding punctuation, possessive removed ("Marrowby’s" → "Marrowby"). */
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

/** What a compromise term carries that tokens use (its `docs`, typed by compromise as Term). */
interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags?: ReadonlySet<string>;
}

const POSSESSIVE = /[’']s$/u;

/**
 * compromise's cost grows faster than the length of what it is given in one call (a long
 * run-on sentence, or "A. A. A. …", costs it quadratic time), so text is tagged in pieces of
 * at most this many characters (and the white space after them), cut at a paragraph break,
 * else a line break, else a sentence end (ours, then any ". "), else white space. compromise
 * splits sentences at every line break itself, so pieces of whole lines tag as the whole text
 * did. Its terms are read from the document it builds (`docs`) rather than through `json()`,
 * which copies every term: a long article's analysis needed a good deal less memory so.
 */
const PIECE_CHARS = 4000;

/** Tags every term of text; sentence indices come from our splitter's spans. */
export function tokenize(text: string, sentenceEnds: number[]): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousSentence = -1;
  for (const [from, to] of pieces(text, sentenceEnds)) {
    const piece = withQuotesApart(withoutLongRuns(text.slice(from, to)));
    // Where compromise puts a term: what came before it, as its own offsets do.
    let elapsed = 0;
    for (const terms of nlp(piece).docs as CompromiseTerm[][]) {
      for (const term of terms) {
        const expected = elapsed + term.pre.length;
        elapsed = expected + term.text.length + term.post.length;
        // Searched in the piece, not the whole text: a term not found costs one piece at most.
        const at = term.text ? piece.indexOf(term.text, expected) : -1;
        if (at < 0) continue;
        const start = from + at;
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
          tags: tagSet(term.tags),
          sentence,
          sentenceStart: sentence !== previousSentence,
        });
        previousSentence = sentence;
      }
    }
  }
  return tokens;
}

/**
 * One shared set per combination of tags: a long article has a few hundred combinations and
 * hundreds of thousands of tokens, and a set apiece was a good part of its analysis's memory.
 * The sets are read-only (Token.tags is a ReadonlySet).
 */
const TAG_SETS = new Map<string, ReadonlySet<string>>();

function tagSet(tags: ReadonlySet<string> | undefined): ReadonlySet<string> {
  const key = [...(tags ?? [])].join(' ');
  let set = TAG_SETS.get(key);
  if (!set) {
    set = new Set(tags);
    // Bounded: past this many combinations (never seen in news text), sets are not kept.
    if (TAG_SETS.size < 10_000) TAG_SETS.set(key, set);
  }
  return set;
}

/**
 * A run of more than LIMITS.tokenChars characters without white space (a pasted blob, a
 * URL) is no word anyone reads; it is blanked to spaces of the same length before tagging,
 * so it makes no token, and compromise, slow on such runs, never sees it.
 */
const LONG_RUN = new RegExp(`\\S{${LIMITS.tokenChars + 1},}`, 'g');

function withoutLongRuns(piece: string): string {
  return piece.replace(LONG_RUN, (run) => ' '.repeat(run.length));
}

/**
 * A double quotation mark with no space on either side ("said,“Look", "bad,”Quist") glues
 * two words into one term for compromise, so the cue word is lost. Before tagging it becomes
 * a space (same length, so offsets hold); quotes themselves are found in the text as written.
 */
const GLUED_QUOTE = /(?<=[\p{L}\p{N}][,.!?;:]?)["“”](?=\p{L})/gu;

function withQuotesApart(piece: string): string {
  return piece.replace(GLUED_QUOTE, ' ');
}

/** [from, to) ranges that cover text, each at most PIECE_CHARS long, cut where text allows. */
function pieces(text: string, sentenceEnds: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let s = 0;
  while (from < text.length) {
    const limit = from + PIECE_CHARS;
    if (limit >= text.length) {
      out.push([from, text.length]);
      break;
    }
    while (s < sentenceEnds.length && (sentenceEnds[s] ?? 0) <= limit) s++;
    const sentenceEnd = s > 0 ? (sentenceEnds[s - 1] ?? 0) : 0;
    let cut =
      paragraphBreakBefore(text, from, limit) ??
      lineBreakBefore(text, from, limit) ??
      (sentenceEnd > from ? sentenceEnd : undefined) ??
      spaceBefore(text, from, limit, /[.!?]/) ??
      spaceBefore(text, from, limit) ??
      safeCut(text, limit);
    // White space after the cut stays with the piece, as the word before it would have it.
    while (cut < text.length && /\s/.test(text[cut] ?? '')) cut++;
    out.push([from, cut]);
    from = cut;
  }
  return out;
}

/** The offset just after the last blank line in text[from, limit), if any. */
function paragraphBreakBefore(text: string, from: number, limit: number): number | undefined {
  for (let i = limit - 1; i > from; i--) {
    if (text[i] !== '\n') continue;
    let j = i - 1;
    while (j > from && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j--;
    if (text[j] === '\n') return i + 1;
    i = j + 1;
  }
  return undefined;
}

function lineBreakBefore(text: string, from: number, limit: number): number | undefined {
  const at = text.lastIndexOf('\n', limit - 1);
  return at > from ? at + 1 : undefined;
}

/** After the last white space in text[from, limit) (one that follows `after`, if given). */
function spaceBefore(
  text: string,
  from: number,
  limit: number,
  after?: RegExp,
): number | undefined {
  for (let i = limit; i > from + 1; i--)
    if (/\s/.test(text[i - 1] ?? '') && (!after || after.test(text[i - 2] ?? ''))) return i;
  return undefined;
}

/** limit, or one before it when limit would fall between the halves of a surrogate pair. */
export function safeCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff && limit > 0 ? limit - 1 : limit;
}

/**
 * Text tokenised with spaces around punctuation and possessives (wire feeds, "Marrowby 's",
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

/** The text of adjacent tokens: compromise keeps what lies between words in post and pre. */
export function spanText(tokens: Token[]): string {
  return tokens
    .map((t, i) => (i === 0 ? t.word : `${tokens[i - 1]!.post}${t.pre}${t.word}`))
    .join('');
}
