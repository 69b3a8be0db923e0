import { join } from 'node:path';
import nlp from 'compromise';
import type { EntityType } from '../src/model/analysis.ts';
import { analyzeText } from '../src/nlp/analyze.ts';
import { readConll, wordOffsets } from '../src/nlp/conll.ts';
import { type LabelSpan, labelIndex, spansOfLabels } from '../src/nlp/tagger/labels.ts';
import { type EvalRow, type EvalSection, type Prf, prf } from './shared.ts';
import { conllDocuments, PARTS, type Part, partOf, rowsByPart } from './split.ts';

/**
 * Named entities on CoNLL-2003 valid: each sentence is analysed on its own (tokens joined by
 * single spaces), our mention character spans are mapped back to the tokens they cover, and
 * spans are scored exactly, PER/ORG/LOC only. Gold MISC spans are neither gold nor errors when
 * missed; a mention we put over one is a false positive. compromise's people(), organizations()
 * and places() are scored the same way in the same run. The halves split by Reuters story
 * (conllDocuments), not by sentence, so one story is never on both sides.
 */

export type NerType = 'PER' | 'ORG' | 'LOC';
const TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC'];
const OF_ENTITY: Record<EntityType, NerType> = {
  person: 'PER',
  organization: 'ORG',
  place: 'LOC',
};

export interface NerSentence {
  words: string[];
  /** Gold entity spans over word indices, end inclusive; MISC included. */
  gold: LabelSpan[];
}

export function readNer(path: string): NerSentence[] {
  return readConll(path).map((s) => ({
    words: s.words,
    gold: spansOfLabels(s.tags.map(labelIndex)),
  }));
}

export interface CharSpan {
  start: number;
  end: number;
  type: NerType;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface NerScores {
  micro: Prf;
  byType: Record<NerType, Prf>;
  counts: Record<NerType, Counts>;
}

/** The words a character span covers, or undefined when it covers none. */
function toWords(
  offsets: Array<[number, number]>,
  start: number,
  end: number,
): [number, number] | undefined {
  let first = -1;
  let last = -1;
  offsets.forEach(([s, e], i) => {
    if (e > start && s < end) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? undefined : [first, last];
}

function score(sentence: NerSentence, found: CharSpan[], acc: Record<NerType, Counts>): void {
  const offsets = wordOffsets(sentence.words);
  const gold = new Set(
    sentence.gold.filter((g) => g.kind !== 'MISC').map((g) => `${g.first}:${g.last}:${g.kind}`),
  );
  const predicted = new Set<string>();
  for (const f of found) {
    const w = toWords(offsets, f.start, f.end);
    if (w) predicted.add(`${w[0]}:${w[1]}:${f.type}`);
  }
  for (const p of predicted) {
    const type = p.split(':')[2] as NerType;
    if (gold.has(p)) acc[type].tp++;
    else acc[type].fp++;
  }
  for (const g of gold) if (!predicted.has(g)) acc[g.split(':')[2] as NerType].fn++;
}

function emptyCounts(): Record<NerType, Counts> {
  return {
    PER: { tp: 0, fp: 0, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 0 },
    LOC: { tp: 0, fp: 0, fn: 0 },
  };
}

function scores(counts: Record<NerType, Counts>): NerScores {
  const sum = TYPES.reduce(
    (a, t) => ({ tp: a.tp + counts[t].tp, fp: a.fp + counts[t].fp, fn: a.fn + counts[t].fn }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const byType = {} as Record<NerType, Prf>;
  for (const t of TYPES) byType[t] = prf(counts[t].tp, counts[t].fp, counts[t].fn);
  return { micro: prf(sum.tp, sum.fp, sum.fn), byType, counts };
}

export function ourSpans(text: string): CharSpan[] {
  return analyzeText('', text).mentions.map((m) => ({
    start: m.start,
    end: m.end,
    type: OF_ENTITY[m.type],
  }));
}

interface CompromiseMatch {
  terms: Array<{ text: string; offset: { start: number; length: number } }>;
}

/** compromise's own spans, with possessives and punctuation-only terms trimmed off. */
export function compromiseSpans(text: string): CharSpan[] {
  const doc = nlp(text);
  const out: CharSpan[] = [];
  const add = (matches: CompromiseMatch[], type: NerType): void => {
    for (const m of matches) {
      const terms = m.terms.filter((t) => /[\p{L}\p{N}]/u.test(t.text));
      const first = terms[0];
      const last = terms.at(-1);
      if (!first || !last) continue;
      const end = last.offset.start + last.text.replace(/[’']s$/u, '').length;
      out.push({ start: first.offset.start, end, type });
    }
  };
  add(doc.people().json({ offset: true }) as CompromiseMatch[], 'PER');
  add(doc.organizations().json({ offset: true }) as CompromiseMatch[], 'ORG');
  add(doc.places().json({ offset: true }) as CompromiseMatch[], 'LOC');
  return out;
}

export interface NerResult {
  sentences: number;
  documents: number;
  ours: NerScores;
  compromise: NerScores;
}

function addCounts(into: Record<NerType, Counts>, from: Record<NerType, Counts>): void {
  for (const t of TYPES) {
    into[t].tp += from[t].tp;
    into[t].fp += from[t].fp;
    into[t].fn += from[t].fn;
  }
}

interface SentenceCounts {
  document: string;
  ours: Record<NerType, Counts>;
  compromise: Record<NerType, Counts>;
}

/** Each sentence scored once, for us and for compromise, with the story it belongs to. */
function countSentences(sentences: NerSentence[]): SentenceCounts[] {
  const documents = conllDocuments(sentences.map((s) => s.words));
  return sentences.map((s, i) => {
    const text = s.words.join(' ');
    const ours = emptyCounts();
    const theirs = emptyCounts();
    score(s, ourSpans(text), ours);
    score(s, compromiseSpans(text), theirs);
    return { document: documents[i] ?? '', ours, compromise: theirs };
  });
}

function resultOf(counted: SentenceCounts[], part: Part): NerResult {
  const of = partOf(counted, part, (c) => c.document);
  const ours = emptyCounts();
  const theirs = emptyCounts();
  for (const c of of) {
    addCounts(ours, c.ours);
    addCounts(theirs, c.compromise);
  }
  return {
    sentences: of.length,
    documents: new Set(of.map((c) => c.document)).size,
    ours: scores(ours),
    compromise: scores(theirs),
  };
}

export function evaluateNer(evalDir: string): EvalSection {
  const counted = countSentences(readNer(join(evalDir, 'ner/conll2003-valid.txt')));
  const row = (measure: string, ours: number, baseline: number, target: string): EvalRow => ({
    measure,
    ours,
    baseline,
    baselineName: 'compromise',
    target,
    pass: target === '' || ours >= 0.8,
  });
  const whole = resultOf(counted, 'whole');
  const rows = rowsByPart((part) => {
    const result = resultOf(counted, part);
    return [
      row(
        `NER PER/ORG/LOC micro-F1, CoNLL-2003 valid (${whole.documents} stories)`,
        result.ours.micro.f1,
        result.compromise.micro.f1,
        '≥ 0.80',
      ),
      ...TYPES.map((t) =>
        row(`  ${t} F1`, result.ours.byType[t].f1, result.compromise.byType[t].f1, ''),
      ),
    ];
  });
  return {
    name: 'ner',
    rows,
    details: Object.fromEntries(PARTS.map((part) => [part, resultOf(counted, part)])),
  };
}
