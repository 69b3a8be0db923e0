import { createHash } from 'node:crypto';
import type { EvalRow, HalfFigure } from './shared.ts';

/**
 * Every development set is split in two by document, once and for all, before any tuning:
 * a document whose id hashes (sha256) to an even first byte is in the tuning half, an odd
 * one in the check half. Figures on the tuning half are in-sample (we tune on it); the check
 * half is the figure that says whether a change generalises. The rule depends on nothing but
 * the id, so adding or removing documents never moves another one.
 *
 * Ids, per set: PolNeAR text file name without `.txt` (quotes and follow-up questions share
 * it, so one article is in one half everywhere); CoNLL-2003 valid document headline and
 * dateline (see conllDocuments); CNN/DM record `id`; BBC `category/file`; HTML page folder.
 */

export type Half = 'tuning' | 'check';
/** The parts every figure is reported on: all documents, then each half. */
export type Part = 'whole' | Half;
export const PARTS: readonly Part[] = ['whole', 'tuning', 'check'];

export function halfOf(id: string): Half {
  const first = createHash('sha256').update(id, 'utf8').digest()[0] ?? 0;
  return first % 2 === 0 ? 'tuning' : 'check';
}

export function inPart(id: string, part: Part): boolean {
  return part === 'whole' || halfOf(id) === part;
}

/** The items of one part, each item's document id given by `idOf`. */
export function partOf<T>(items: readonly T[], part: Part, idOf: (item: T) => string): T[] {
  return items.filter((item) => inPart(idOf(item), part));
}

/** A CoNLL dateline sentence: "PLACE YYYY-MM-DD", the second sentence of each Reuters story. */
const DATELINE = /\b(?:19|20)\d\d-\d\d-\d\d$/;

/**
 * CoNLL-2003 as shipped here has lost its -DOCSTART- lines; each Reuters story still opens
 * with a headline followed by a dateline, so a document starts at the sentence before each
 * dateline. Returns, for each sentence, its document id (headline + dateline words).
 */
export function conllDocuments(sentences: readonly (readonly string[])[]): string[] {
  const texts = sentences.map((s) => s.join(' '));
  const ids: string[] = new Array(texts.length);
  let current = texts.length > 1 ? `${texts[0]} ${texts[1]}` : (texts[0] ?? '');
  for (let i = 0; i < texts.length; i++) {
    const next = texts[i + 1];
    if (next !== undefined && DATELINE.test(next) && !DATELINE.test(texts[i]!))
      current = `${texts[i]} ${next}`;
    ids[i] = current;
  }
  return ids;
}

/**
 * Rows built once per part and folded into one: `ours`, `baseline` and `pass` are the whole
 * set's, `halves` holds each half's. `build` must return the same rows in the same order for
 * every part; it is given per-document results measured once, so calling it thrice is cheap.
 */
export function rowsByPart(build: (part: Part) => EvalRow[]): EvalRow[] {
  const [whole, tuning, check] = PARTS.map(build) as [EvalRow[], EvalRow[], EvalRow[]];
  const figure = (r: EvalRow | undefined): HalfFigure => ({
    ours: r?.ours ?? 0,
    baseline: r?.baseline ?? null,
    pass: r?.pass ?? false,
  });
  return whole.map((row, i) => ({
    ...row,
    halves: { tuning: figure(tuning[i]), check: figure(check[i]) },
  }));
}
