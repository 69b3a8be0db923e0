import { readConll } from '../src/nlp/conll.ts';
import { conllDocuments } from './split.ts';

/**
 * Reuters stories rebuilt as article text from the CoNLL-2003 train file, for the hand-made
 * speaker set (eval/speakers/reuters-*.json holds offsets into exactly this text, so the
 * rebuilding must never change without re-deriving them).
 *
 * A story is a run of sentences sharing one conllDocuments id. Its text is the first sentence
 * (the headline; a byline where the wire put one between headline and dateline, as the id
 * does, the real headline then closing the story before) on one line, a blank line, then the body. The dateline sentence is kept, as
 * the wire printed it, in front of the first body sentence: "BRUSSELS 1996-08-22 - The ...".
 * CoNLL has no paragraphs; Reuters writes about one sentence a paragraph, so each sentence
 * gets its own line, except that a quotation running over several sentences stays on one
 * line (a line break inside the marks would cut the quote in two).
 */

export interface ReutersStory {
  id: string;
  text: string;
}

/** Tokens written against the word before them. */
const NO_SPACE_BEFORE = new Set([
  ',',
  '.',
  ';',
  ':',
  '!',
  '?',
  ')',
  "'",
  '%',
  "'s",
  "'S",
  "n't",
  "N'T",
  "'re",
  "'m",
  "'ve",
  "'ll",
  "'d",
]);
/** Tokens written against the word after them. */
const NO_SPACE_AFTER = new Set(['(', '$']);
const DATELINE = /^\S.* (?:19|20)\d\d-\d\d-\d\d$/;

interface QuoteState {
  open: boolean;
}

/**
 * Whether a `"` token opens a quotation. One that starts a sentence always opens (Reuters
 * leaves a quote running on to the next paragraph unclosed and reopens it there); one that
 * ends a sentence closes; otherwise the marks alternate through the story.
 */
function opens(words: readonly string[], i: number, state: QuoteState): boolean {
  if (i === 0) return true;
  if (i === words.length - 1) return false;
  return !state.open;
}

/** One sentence's words joined as printed text; `state` carries open quotes across sentences. */
export function detokenise(words: readonly string[], state: QuoteState = { open: false }): string {
  let out = '';
  let glueNext = true;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let glueBefore = NO_SPACE_BEFORE.has(word);
    let glueAfter = NO_SPACE_AFTER.has(word);
    if (word === '"') {
      const opening = opens(words, i, state);
      state.open = opening;
      glueBefore = !opening;
      glueAfter = opening;
    }
    out += glueNext || glueBefore ? word : ` ${word}`;
    glueNext = glueAfter;
  }
  return out;
}

/**
 * The CoNLL sentence splitter sometimes leaves the opening mark of the next sentence's quote
 * at the end of a sentence (`he said . "` / `We ...`): a mark ending a sentence while no
 * quote is open moves to the start of the next one. A sentence of punctuation alone (a
 * stray "." after a closing mark) joins the one before.
 */
function regroup(sentences: readonly (readonly string[])[]): string[][] {
  const out: string[][] = [];
  let carry: string[] = [];
  let open = false;
  for (const sentence of sentences) {
    const words = [...carry, ...sentence];
    carry = [];
    const last = words.length - 1;
    words.forEach((w, i) => {
      if (w === '"' && i < last) open = opens(words, i, { open });
    });
    if (last > 0 && words[last] === '"') {
      if (open) open = false;
      else carry = [words.pop()!];
    }
    const previous = out.at(-1);
    if (previous && words.every((w) => /^[.,;:!?]+$/.test(w))) previous.push(...words);
    else if (words.length) out.push(words);
  }
  if (carry.length) out.at(-1)?.push(...carry);
  return out;
}

/** The text of one story from its sentences (each a list of CoNLL words). */
export function storyText(sentences: readonly (readonly string[])[]): string {
  const [headline = [], ...rest] = sentences;
  const state: QuoteState = { open: false };
  const title = detokenise(headline, state);
  state.open = false;
  let body = '';
  let dateline = '';
  regroup(rest).forEach((words, i) => {
    const runsOn = state.open && words[0] !== '"';
    const line = detokenise(words, state);
    if (i === 0 && DATELINE.test(line)) {
      dateline = `${line} - `;
      return;
    }
    if (body === '') body = dateline + line;
    else body += runsOn ? ` ${line}` : `\n${line}`;
  });
  if (body === '') body = dateline.trim();
  return `${title}\n\n${body}`;
}

/** Every story in a CoNLL file, in file order, each with its conllDocuments id. */
export function reutersStories(path: string): ReutersStory[] {
  const sentences = readConll(path).map((s) => s.words);
  const ids = conllDocuments(sentences);
  const stories: ReutersStory[] = [];
  let start = 0;
  for (let i = 1; i <= sentences.length; i++) {
    if (i < sentences.length && ids[i] === ids[start]) continue;
    stories.push({ id: ids[start]!, text: storyText(sentences.slice(start, i)) });
    start = i;
  }
  return stories;
}
