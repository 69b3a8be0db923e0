import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterCopies, clusterStories, type Story } from '../src/briefing/stories.ts';
import { parseInput } from '../src/ingest/parse.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import type { StoredArticle } from '../src/model/article.ts';
import { type PolnearDoc, readPolnear, readPolnearDir } from './polnear.ts';
import { type EvalSection, figureRow, prf } from './shared.ts';
import { inPart, type Part, rowsByPart } from './split.ts';

/**
 * One event, one story: the 84 PolNeAR dev articles grouped by hand into the events they
 * report (eval/events/polnear-events.json, labelled before any tuning), scored pairwise —
 * every pair of articles in a half, same event or not — for our grouping and for the
 * wire-copy (shingle) grouping that came before it. Hard negatives (same actors, different
 * events) are counted apart: merging them is the worse error.
 */

export interface EventLabels {
  articles?: Record<string, string>;
  groups: Array<{ event: string; articles: string[] }>;
  differentEvents: Array<{ a: string; b: string }>;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const LABELS = join(HERE, 'events/polnear-events.json');
/**
 * Five windows of PolNeAR's train split, labelled the same way in two rounds: March and late
 * July 2016 first, then November 2015, late January to mid-February and June 2016.
 */
const TRAIN_LABELS = [
  join(HERE, 'events/polnear-train-events.json'),
  join(HERE, 'events/polnear-train-events-2.json'),
];

export function readEventLabels(path = LABELS): EventLabels {
  return JSON.parse(readFileSync(path, 'utf8')) as EventLabels;
}

export interface NamedArticle {
  name: string;
  article: StoredArticle;
}

/** PolNeAR dev as ingest stores it. */
export function polnearArticles(evalDir: string): NamedArticle[] {
  return asStored(readPolnear(evalDir));
}

/** PolNeAR texts as ingest stores them: dated by file name, the outlet as source. */
export function asStored(docs: PolnearDoc[]): NamedArticle[] {
  return docs.map((doc, i) => {
    const parsed = parseInput(`${doc.name}.txt`, doc.text).articles[0]!;
    parsed.source = doc.name.split('_')[0] ?? null;
    return {
      name: doc.name,
      article: {
        ...prepareArticle(`${doc.name}.txt`, parsed),
        id: i + 1,
        ingestedAt: '2026-01-01T00:00:00.000Z',
      },
    };
  });
}

export interface PairScore {
  tp: number;
  fp: number;
  fn: number;
  /** Hard-negative pairs (in the part) put in one story. */
  mergedNegatives: number;
  negatives: number;
}

export function scorePairs(
  names: readonly string[],
  stories: readonly Story[],
  idOf: ReadonlyMap<number, string>,
  labels: EventLabels,
  part: Part,
): PairScore {
  const gold = new Map<string, number>();
  labels.groups.forEach((g, k) => {
    for (const a of g.articles) gold.set(a, k);
  });
  const ours = new Map<string, number>();
  stories.forEach((s, k) => {
    for (const a of s.articles) ours.set(idOf.get(a.id)!, k);
  });
  const inside = names.filter((n) => inPart(n, part));
  const score: PairScore = { tp: 0, fp: 0, fn: 0, mergedNegatives: 0, negatives: 0 };
  for (let i = 0; i < inside.length; i++)
    for (let j = i + 1; j < inside.length; j++) {
      const [a, b] = [inside[i]!, inside[j]!];
      const same = gold.has(a) && gold.get(a) === gold.get(b);
      const joined = ours.get(a) === ours.get(b);
      if (same && joined) score.tp++;
      else if (joined) score.fp++;
      else if (same) score.fn++;
    }
  for (const { a, b } of labels.differentEvents) {
    if (!inPart(a, part) || !inPart(b, part)) continue;
    score.negatives++;
    if (ours.get(a) === ours.get(b)) score.mergedNegatives++;
  }
  return score;
}

export function evaluateEvents(evalDir: string): EvalSection | null {
  if (!existsSync(LABELS)) return null;
  return section('events', 'PolNeAR dev, 84 articles', polnearArticles(evalDir), readEventLabels());
}

/**
 * The labelled windows of PolNeAR's train split, read from POLNEAR_TRAIN_DIR (as for quotes;
 * not shipped): tuning data only, every pair in-sample. Null when the variable is unset.
 */
export function evaluateEventsTrain(): EvalSection | null {
  const dir = process.env.POLNEAR_TRAIN_DIR;
  if (!dir) return null;
  const rounds = TRAIN_LABELS.map((path) => readEventLabels(path));
  const labels: EventLabels = {
    articles: Object.assign({}, ...rounds.map((r) => r.articles ?? {})),
    groups: rounds.flatMap((r) => r.groups),
    differentEvents: rounds.flatMap((r) => r.differentEvents),
  };
  const labelled = new Set(Object.keys(labels.articles ?? {}));
  const docs = readPolnearDir(dir).filter((d) => labelled.has(d.name));
  const named = asStored(docs);
  const result = section(
    'events-train',
    `PolNeAR train, ${named.length} articles, tuning only`,
    named,
    labels,
    true,
  );
  return { ...result, tuningOnly: true };
}

function section(
  name: string,
  label: string,
  docs: NamedArticle[],
  labels: EventLabels,
  allTuning = false,
): EvalSection {
  const names = docs.map((d) => d.name);
  const articles = docs.map((d) => d.article);
  const idOf = new Map(docs.map((d) => [d.article.id, d.name]));
  const ours = clusterStories(articles);
  const base = clusterCopies(articles);
  const details: Record<string, { ours: PairScore; base: PairScore }> = {};
  const rows = rowsByPart((part) => {
    const within = allTuning && part !== 'check' ? 'whole' : part;
    const o = scorePairs(names, ours, idOf, labels, within);
    const b = scorePairs(names, base, idOf, labels, within);
    details[part] = { ours: o, base: b };
    const po = prf(o.tp, o.fp, o.fn);
    const pb = prf(b.tp, b.fp, b.fn);
    const row = (measure: string, x: number, y: number, atLeast?: number) => ({
      ...figureRow(measure, x, atLeast),
      baseline: y,
      baselineName: 'wire-copy shingles',
    });
    return [
      row(`event grouping, pairwise F1 (${label})`, po.f1, pb.f1, 0.8),
      row('  pairwise precision', po.precision, pb.precision, 0.85),
      row('  pairwise recall', po.recall, pb.recall),
      row(
        '  same actors, different events: pairs kept apart',
        o.negatives ? 1 - o.mergedNegatives / o.negatives : 1,
        b.negatives ? 1 - b.mergedNegatives / b.negatives : 1,
      ),
    ];
  });
  return {
    name,
    rows,
    details: { ...details, stories: ours.filter((s) => s.articles.length > 1).length },
  };
}
