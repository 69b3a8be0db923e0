import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sentence } from '../src/model/analysis.ts';
import { splitSentences } from '../src/nlp/sentences.ts';
import { rankSummary } from '../src/nlp/summary.ts';
import { jsonRecordSummary } from './cnndm-json.ts';
import { meanRouge, type RougeScores, rouge } from './rouge.ts';
import type { EvalRow, EvalSection } from './shared.ts';
import { PARTS, type Part, partOf, rowsByPart } from './split.ts';

/**
 * Per-article extractive summaries against human references, ours beside Lead-k computed on
 * the same sentences in the same run.
 * - CNN/Daily Mail: text is lowercased and tokenised, so our splitter (which wants capitals)
 *   cannot run; sentences are cut after " . ", " ? " and " ! ". Ours is rankSummary's top 3
 *   in document order, against Lead-3.
 * - BBC: the article body joined as ingest would see it, split by our splitter; k is the
 *   number of reference sentences, for ours and for Lead-k.
 * - CNN/DM again, each article sent as a JSON record with no title (cnndm-json.ts): whether
 *   the lead survives ingest, against the same Lead-3.
 */

export interface SummaryFigures {
  documents: number;
  ours: RougeScores;
  lead: RougeScores;
}

/** One article's scores, with the id that places it in a half (eval/split.ts). */
interface Scored {
  id: string;
  ours: RougeScores;
  lead: RougeScores;
  /** CNN/DM only: our summary when the article comes in as a JSON record with no title. */
  json?: RougeScores;
}

export interface SummaryResult {
  cnndm: Record<Part, SummaryFigures & { json: RougeScores }>;
  bbc: Record<Part, SummaryFigures>;
}

interface CnndmRow {
  id: string;
  article: string;
  reference: string[] | string;
}

/** Sentences of a tokenised CNN/DM article, with offsets into it; the title is unknown. */
export function tokenisedSentences(article: string): Sentence[] {
  const out: Sentence[] = [];
  let start = -1;
  const tokens = [...article.matchAll(/\S+/g)];
  tokens.forEach((t, i) => {
    if (start < 0) start = t.index;
    const next = tokens[i + 1]?.[0];
    // A closing `''` after the full stop belongs to the sentence it closes.
    const ends =
      (/^[.?!]$/.test(t[0]) && next !== "''") ||
      (t[0] === "''" && /^[.?!]$/.test(tokens[i - 1]?.[0] ?? ''));
    if (ends || next === undefined) {
      const end = t.index + t[0].length;
      out.push({ text: article.slice(start, end), start, end, paragraph: 0 });
      start = -1;
    }
  });
  return out;
}

function splitReference(reference: string[] | string): string[] {
  if (Array.isArray(reference)) return reference;
  return reference.split(/(?<= [.?!]) /).filter((s) => s.trim());
}

/** The first k ranked sentences, told in reading order. */
function pick(ranking: number[], k: number, sentences: Sentence[]): string[] {
  return ranking
    .slice(0, k)
    .sort((a, b) => a - b)
    .map((i) => sentences[i]!.text);
}

function leadK(sentences: Sentence[], k: number): string[] {
  return sentences.slice(0, k).map((s) => s.text);
}

function figures(scored: Scored[], part: Part): SummaryFigures {
  const of = partOf(scored, part, (s) => s.id);
  return {
    documents: of.length,
    ours: meanRouge(of.map((s) => s.ours)),
    lead: meanRouge(of.map((s) => s.lead)),
  };
}

function scoreCnndm(file: string): Scored[] {
  const out: Scored[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as CnndmRow;
    const sentences = tokenisedSentences(row.article);
    const reference = splitReference(row.reference);
    out.push({
      id: row.id,
      ours: rouge(pick(rankSummary('', sentences), 3, sentences), reference),
      lead: rouge(leadK(sentences, 3), reference),
      json: rouge(jsonRecordSummary(row.article, 3), reference),
    });
  }
  return out;
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n');
}

function scoreBbc(root: string): Scored[] {
  const out: Scored[] = [];
  for (const category of readdirSync(join(root, 'article')).sort()) {
    for (const file of readdirSync(join(root, 'article', category)).sort()) {
      const [title = '', ...body] = readLines(join(root, 'article', category, file));
      // Paragraphs are blank-line separated; a paragraph's sentences are joined with a space.
      const text = body
        .join('\n')
        .split(/\n\s*\n/)
        .map((p) =>
          p
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .join(' '),
        )
        .filter(Boolean)
        .join('\n\n');
      const reference = readLines(join(root, 'summary', category, file))
        .map((l) => l.trim())
        .filter(Boolean);
      const sentences = splitSentences(text);
      const k = reference.length;
      out.push({
        id: `${category}/${file}`,
        ours: rouge(pick(rankSummary(title.trim(), sentences), k, sentences), reference),
        lead: rouge(leadK(sentences, k), reference),
      });
    }
  }
  return out;
}

const ROUGE_NAMES = [
  ['ROUGE-1', 'rouge1'],
  ['ROUGE-2', 'rouge2'],
  ['ROUGE-L', 'rougeL'],
] as const;

export function evaluateSummaries(evalDir: string): EvalSection {
  const cnndm = scoreCnndm(join(evalDir, 'summaries/cnndm-dev.jsonl'));
  const bbc = scoreBbc(join(evalDir, 'summaries/bbc-news-summary'));
  // Targets as the issue states them (fractions: 0.005 is half a ROUGE point); '' = reported.
  const cnndmTargets: Record<string, [string, number | null]> = {
    rouge1: ['≥ Lead-3 + 0.005', 0.005],
    rouge2: ['≥ Lead-3', 0],
    rougeL: ['', null],
  };
  const rows = rowsByPart((part) => {
    const c = figures(cnndm, part);
    const cJson = meanRouge(partOf(cnndm, part, (s) => s.id).flatMap((s) => s.json ?? []));
    const b = figures(bbc, part);
    const out: EvalRow[] = [];
    for (const [label, key] of ROUGE_NAMES) {
      const [target, margin] = cnndmTargets[key]!;
      out.push({
        measure: `${label} F1, CNN/DM (${cnndm.length})`,
        ours: c.ours[key].f1,
        baseline: c.lead[key].f1,
        baselineName: 'Lead-3',
        target,
        pass: margin === null || c.ours[key].f1 >= c.lead[key].f1 + margin,
      });
    }
    for (const [label, key] of ROUGE_NAMES) {
      out.push({
        measure: `${label} F1, CNN/DM as JSON records, no title`,
        ours: cJson[key].f1,
        baseline: c.lead[key].f1,
        baselineName: 'Lead-3',
        target: '',
        pass: true,
      });
    }
    for (const [label, key] of ROUGE_NAMES) {
      out.push({
        measure: `${label} F1, BBC (${bbc.length})`,
        ours: b.ours[key].f1,
        baseline: b.lead[key].f1,
        baselineName: 'Lead-k',
        target: '',
        pass: true,
      });
    }
    return out;
  });
  const details = {
    cnndm: Object.fromEntries(
      PARTS.map((part) => [
        part,
        {
          ...figures(cnndm, part),
          json: meanRouge(partOf(cnndm, part, (s) => s.id).flatMap((s) => s.json ?? [])),
        },
      ]),
    ),
    bbc: Object.fromEntries(PARTS.map((part) => [part, figures(bbc, part)])),
  } as SummaryResult;
  return { name: 'summaries', rows, details };
}
