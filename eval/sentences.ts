import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { splitSentences } from '../src/nlp/sentences.ts';
import { type EvalSection, type Prf, prf } from './shared.ts';

/**
 * Sentence boundaries on the BBC set: each article line (after the title) is one gold
 * sentence. Lines are joined with single spaces so that no splitter sees a line break, and
 * a boundary is the end offset of a sentence. compromise is measured on the same text.
 */
export interface SentenceResult {
  documents: number;
  ours: Prf;
  compromise: Prf;
}

function score(
  found: Set<number>,
  gold: Set<number>,
  acc: { tp: number; fp: number; fn: number },
): void {
  for (const b of found)
    if (gold.has(b)) acc.tp++;
    else acc.fp++;
  for (const b of gold) if (!found.has(b)) acc.fn++;
}

function compromiseEnds(text: string): Set<number> {
  const ends = new Set<number>();
  const json = nlp(text).json({ offset: true }) as Array<{
    offset: { start: number; length: number };
  }>;
  for (const s of json) {
    let end = s.offset.start + s.offset.length;
    while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
    ends.add(end);
  }
  return ends;
}

export function evaluateSentences(evalDir: string): SentenceResult {
  const root = join(evalDir, 'summaries/bbc-news-summary/article');
  const ours = { tp: 0, fp: 0, fn: 0 };
  const theirs = { tp: 0, fp: 0, fn: 0 };
  let documents = 0;
  for (const category of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, category)).sort()) {
      const lines = readFileSync(join(root, category, file), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .slice(1);
      const text = lines.join(' ');
      const gold = new Set<number>();
      let at = 0;
      for (const line of lines) {
        at += line.length;
        gold.add(at);
        at += 1;
      }
      score(new Set(splitSentences(text).map((s) => s.end)), gold, ours);
      score(compromiseEnds(text), gold, theirs);
      documents++;
    }
  }
  return {
    documents,
    ours: prf(ours.tp, ours.fp, ours.fn),
    compromise: prf(theirs.tp, theirs.fp, theirs.fn),
  };
}

export function sentenceSection(evalDir: string): EvalSection {
  const r = evaluateSentences(evalDir);
  return {
    name: 'sentences',
    rows: [
      {
        measure: `sentence boundary F1, BBC (${r.documents} articles)`,
        ours: r.ours.f1,
        baseline: r.compromise.f1,
        baselineName: 'compromise',
        target: '≥ 0.995',
        pass: r.ours.f1 >= 0.995,
      },
    ],
    details: r,
  };
}
