import type { Span } from '../model/analysis.ts';
import { firstIndexWhere } from './text/sorted.ts';

/**
 * Finds quoted passages: “curly”, "straight" and ‘single’ marks, and quotations that run on
 * into the next paragraph (news style: no closing mark, the next paragraph reopens). Returns
 * the inner spans, verbatim, trimmed of white space and a trailing comma.
 */
export interface QuoteSpan extends Span {
  /** True when the passage is cut at a paragraph end and continues in the next paragraph. */
  continues: boolean;
  /** True when the passage reopens a quotation from the previous paragraph. */
  continued: boolean;
}

const OPEN_DOUBLE = '“';
const CLOSE_DOUBLE = '”';
/** A quotation nested in another is a term or a phrase: longer, and it is a new quotation. */
const NESTED_CHARS = 60;

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const paragraphs = [...text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)];
  let carry = false;
  for (const p of paragraphs) {
    const found = scanParagraph(p[0], p.index, carry);
    for (const s of found.spans) spans.push(s); // a paragraph may hold more than spread allows
    carry = found.openAtEnd;
  }
  return spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
}

function isSpace(c: string | undefined): boolean {
  return c === undefined || /[\s([{—–-]/.test(c);
}

function scanParagraph(
  p: string,
  offset: number,
  continuing: boolean,
): { spans: QuoteSpan[]; openAtEnd: boolean } {
  const spans: QuoteSpan[] = [];
  let open: { at: number; mark: string } | null = null;
  let continued = false;
  // Curly quotes nested in a straight-quoted passage ("… what she called a “rant,” …"): a
  // quote of their own, and their closing mark does not end the passage around them.
  let nestedAt = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    const before = p[i - 1];
    const after = p[i + 1];
    if (!open) {
      const opensDouble =
        c === OPEN_DOUBLE ||
        // A straight mark, or a closing curly one typed by mistake, opening before a word.
        // After a space, or a label's colon typed without one ("Tamm:\"…").
        ((c === '"' || c === CLOSE_DOUBLE) &&
          (isSpace(before) || before === ':') &&
          after !== undefined &&
          // A word, or an editor's bracket inside the quote ("\"[Quist] said …").
          /[\p{L}\p{N}‘'.…[]/u.test(after));
      const opensSingle =
        c === '‘' && isSpace(before) && after !== undefined && /\p{L}/u.test(after);
      if (opensDouble || opensSingle) {
        open = { at: i + 1, mark: c };
        nestedAt = -1;
        continued = continuing && spans.length === 0 && p.slice(0, i).trim() === '';
      }
      continue;
    }
    const opensNested =
      c === OPEN_DOUBLE && (open.mark === '"' || (open.mark === OPEN_DOUBLE && nestsIn(p, i)));
    if (opensNested && nestedAt < 0) {
      nestedAt = i + 1;
      continue;
    }
    if (nestedAt >= 0 && c === CLOSE_DOUBLE) {
      spans.push(trimmed(p, offset, nestedAt, i, false, false));
      nestedAt = -1;
      continue;
    }
    // A mark opening a line before a word never closes: the quotation left open on the line
    // before runs on, and this line reopens it (copy that sets one paragraph per line).
    if ((c === '"' || c === OPEN_DOUBLE) && before === '\n' && /[\p{L}\p{N}]/u.test(after ?? '')) {
      spans.push(trimmed(p, offset, open.at, i, true, continued));
      open = { at: i + 1, mark: c };
      nestedAt = -1;
      continued = true;
      continue;
    }
    // "… nor am I. "But I …": inside a straight quotation, a mark after a sentence's end and a
    // space, before a capital, reopens it: copy that lost the paragraph break in between.
    if (c === '"' && open.mark === '"' && reopensAfterBreak(p, i)) {
      spans.push(trimmed(p, offset, open.at, i, true, continued));
      open = { at: i + 1, mark: c };
      nestedAt = -1;
      continued = true;
      continue;
    }
    // "… for her,“ said Quist": an opening mark typed after a comma and before a space closes.
    const typoClose = c === OPEN_DOUBLE && /[,.!?…]/u.test(before ?? '') && isSpace(after);
    const closes =
      (open.mark === OPEN_DOUBLE && (c === CLOSE_DOUBLE || c === '"' || typoClose)) ||
      ((open.mark === '"' || open.mark === CLOSE_DOUBLE) && (c === '"' || c === CLOSE_DOUBLE)) ||
      (open.mark === '‘' && c === '’' && !/\p{L}/u.test(after ?? ''));
    if (closes) {
      spans.push(trimmed(p, offset, open.at, i, false, continued));
      open = null;
    }
  }
  if (open) {
    // A double quotation left open at the paragraph end runs on into the next paragraph.
    if (open.mark !== '‘') spans.push(trimmed(p, offset, open.at, p.length, true, continued));
    return { spans, openAtEnd: open.mark !== '‘' };
  }
  return { spans, openAtEnd: false };
}

function reopensAfterBreak(p: string, i: number): boolean {
  return p[i - 1] === ' ' && /[.!?…]/u.test(p[i - 2] ?? '') && /\p{Lu}/u.test(p[i + 1] ?? '');
}

/**
 * Does the curly quote opening at i inside a curly quotation nest in it ("… what he calls
 * “hell” than …”)? Only when it opens before a word, closes soon (a term, not a passage), and
 * another closing mark follows before any new opening one: else the outer quotation merely
 * lacks its closing mark and a new one begins.
 */
function nestsIn(p: string, i: number): boolean {
  if (!isSpace(p[i - 1]) || !/\p{L}/u.test(p[i + 1] ?? '')) return false;
  const close = p.indexOf(CLOSE_DOUBLE, i + 1);
  if (close < 0 || close - i > NESTED_CHARS) return false;
  const outerClose = p.indexOf(CLOSE_DOUBLE, close + 1);
  const nextOpen = p.indexOf(OPEN_DOUBLE, close + 1);
  return outerClose >= 0 && (nextOpen < 0 || outerClose < nextOpen);
}

function trimmed(
  p: string,
  offset: number,
  start: number,
  end: number,
  continues: boolean,
  continued: boolean,
): QuoteSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(p[s]!)) s++;
  while (e > s && /[\s,]/.test(p[e - 1]!)) e--;
  return { start: offset + s, end: offset + e, continues, continued };
}

/** The last quote ending at or before offset, not one holding it. */
export function quoteEndingBefore(spans: QuoteSpan[], offset: number): QuoteSpan | undefined {
  const lo = firstIndexWhere(spans, (q) => q.start < offset);
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) if (spans[i]!.end <= offset) return spans[i];
  return undefined;
}

/** The first quote starting after offset (quotes are in order and do not overlap). */
export function quoteStartingAfter(spans: QuoteSpan[], offset: number): QuoteSpan | undefined {
  return spans[firstIndexWhere(spans, (q) => q.start <= offset)];
}
