import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { splitSentences } from '../src/nlp/sentences.ts';
import { type EvalSection, type Prf, prf } from './shared.ts';
import { PARTS, type Part, partOf, rowsByPart } from './split.ts';

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

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** One article's boundary counts, with its `category/file` id for the halves. */
interface ArticleCounts {
  id: string;
  ours: Counts;
  compromise: Counts;
}

function score(found: Set<number>, gold: Set<number>): Counts {
  const acc = { tp: 0, fp: 0, fn: 0 };
  for (const b of found)
    if (gold.has(b)) acc.tp++;
    else acc.fp++;
  for (const b of gold) if (!found.has(b)) acc.fn++;
  return acc;
}

function sum(all: Counts[]): Prf {
  const t = all.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  return prf(t.tp, t.fp, t.fn);
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

function countArticles(evalDir: string): ArticleCounts[] {
  const root = join(evalDir, 'summaries/bbc-news-summary/article');
  const out: ArticleCounts[] = [];
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
      out.push({
        id: `${category}/${file}`,
        ours: score(new Set(splitSentences(text).map((s) => s.end)), gold),
        compromise: score(compromiseEnds(text), gold),
      });
    }
  }
  return out;
}

function resultOf(counted: ArticleCounts[], part: Part): SentenceResult {
  const of = partOf(counted, part, (c) => c.id);
  return {
    documents: of.length,
    ours: sum(of.map((c) => c.ours)),
    compromise: sum(of.map((c) => c.compromise)),
  };
}

export function sentenceSection(evalDir: string): EvalSection {
  const counted = countArticles(evalDir);
  const rows = rowsByPart((part) => {
    const r = resultOf(counted, part);
    return [
      {
        measure: `sentence boundary F1, BBC (${counted.length} articles)`,
        ours: r.ours.f1,
        baseline: r.compromise.f1,
        baselineName: 'compromise',
        target: '≥ 0.995',
        pass: r.ours.f1 >= 0.995,
      },
    ];
  });
  return {
    name: 'sentences',
    rows,
    details: Object.fromEntries(PARTS.map((part) => [part, resultOf(counted, part)])),
  };
}
