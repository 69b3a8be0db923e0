/**
 * The tagger's BIO labels. MISC is learnt (it tells the model what a demonym or an event
 * looks like, so those stop leaking into the other types) but never reported as an entity.
 */
export const LABELS = [
  'O',
  'B-PER',
  'I-PER',
  'B-ORG',
  'I-ORG',
  'B-LOC',
  'I-LOC',
  'B-MISC',
  'I-MISC',
] as const;

export type Label = (typeof LABELS)[number];
export type EntityKind = 'PER' | 'ORG' | 'LOC' | 'MISC';

export const LABEL_COUNT = LABELS.length;
/** Row of the transition table used for "no previous label" (the start of a sentence). */
export const START = LABEL_COUNT;

export function labelIndex(label: string): number {
  const i = (LABELS as readonly string[]).indexOf(label);
  return Math.max(i, 0);
}

function kindOf(label: number): EntityKind | undefined {
  return (LABELS[label] ?? 'O').split('-')[1] as EntityKind | undefined;
}

function valid(previous: number, label: number): boolean {
  const name = LABELS[label] ?? 'O';
  if (!name.startsWith('I-')) return true;
  if (previous === START) return false;
  return kindOf(previous) === kindOf(label);
}

// Decoding asks this for every pair of labels at every token, so it is a table lookup.
const ALLOWED = Uint8Array.from({ length: (LABEL_COUNT + 1) * LABEL_COUNT }, (_, k) =>
  valid(Math.floor(k / LABEL_COUNT), k % LABEL_COUNT) ? 1 : 0,
);

/** BIO validity: an I- label only continues a span of its own kind. */
export function allowed(previous: number, label: number): boolean {
  return ALLOWED[previous * LABEL_COUNT + label] === 1;
}

export interface LabelSpan {
  /** Indices into the labelled sequence, end inclusive. */
  first: number;
  last: number;
  kind: EntityKind;
}

/** Spans of a valid BIO sequence. */
export function spansOfLabels(labels: readonly number[]): LabelSpan[] {
  const spans: LabelSpan[] = [];
  let open: LabelSpan | undefined;
  labels.forEach((label, i) => {
    const name = LABELS[label] ?? 'O';
    const kind = kindOf(label);
    if (!kind) {
      open = undefined;
    } else if (name.startsWith('B-') || !open || open.kind !== kind) {
      open = { first: i, last: i, kind };
      spans.push(open);
    } else {
      open.last = i;
    }
  });
  return spans;
}
