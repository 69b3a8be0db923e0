import { LIMITS } from '../model/limits.ts';
import { forTerminalLine } from './terminal.ts';

/**
 * Every string from an article that a renderer shows passes through `field` first, with the cap
 * for what it is. Analysis already skips over-long sentences, quotes and names; this is the
 * renderers' own defence, so that no stored article (an old one, one from another version, one
 * built by hand) can turn one field into pages of chat messages.
 */

/** The most characters shown of each kind of field; a longer one is cut at a word with "…". */
export const FIELD_CHARS = {
  /** A headline, a topic's title, a question echoed back. */
  title: 200,
  /** A summary sentence, or a cited sentence. */
  sentence: LIMITS.summarySentenceChars,
  quote: LIMITS.quoteChars,
  /** An actor's or speaker's name, a role, an outlet's name. */
  name: LIMITS.actorNameChars,
  /** An actor's aliases, together. */
  aliases: 3 * LIMITS.actorNameChars,
  /** An answer: a cited sentence, or a model's wording of a few of them. */
  answer: 4 * LIMITS.summarySentenceChars,
  /** A note under a briefing's heading. */
  note: LIMITS.summarySentenceChars,
} as const;

/**
 * The head of a field looked at: enough to fill the cap after whitespace is collapsed, without
 * reading all of a multi-megabyte token.
 */
const LOOK_FACTOR = 4;

/** A break that shows nothing: a client may wrap a long token there, and its letters stay as they were. */
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * The field as one line of at most `max` characters (plus the zero-width breaks): escape
 * sequences, controls and bidirectional overrides removed (they mislead in chat as on a
 * terminal), whitespace collapsed, cut at a word boundary with "…" when longer, and every
 * token longer than LIMITS.tokenChars broken so that clients can wrap it.
 */
export function field(text: string, max: number): string {
  const look = max * LOOK_FACTOR + LIMITS.tokenChars;
  const cutInput = text.length > look;
  const flat = forTerminalLine(cutInput ? text.slice(0, look) : text)
    .replace(/\s+/g, ' ')
    .trim();
  if (!cutInput && flat.length <= max) return breakLongTokens(flat);
  return `${breakLongTokens(cutAtWord(flat, max - 1))}…`;
}

/**
 * The longest prefix of at most `max` characters ending at a word boundary (when one is in its
 * second half), else cut inside the word, never through a surrogate pair.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const window = text.slice(0, max + 1);
  const space = window.lastIndexOf(' ');
  if (space > max / 2) return window.slice(0, space).trimEnd();
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Tokens longer than LIMITS.tokenChars, with a zero-width space every LIMITS.tokenChars characters. */
export function breakLongTokens(text: string, every: number = LIMITS.tokenChars): string {
  return text.replace(new RegExp(`[^\\s${ZERO_WIDTH_SPACE}]{${every + 1},}`, 'gu'), (token) => {
    const chars = Array.from(token);
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += every) parts.push(chars.slice(i, i + every).join(''));
    return parts.join(ZERO_WIDTH_SPACE);
  });
}
