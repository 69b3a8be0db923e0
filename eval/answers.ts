import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../src/answer/extractive.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { splitSentences } from '../src/nlp/sentences.ts';
import { contentWords } from '../src/nlp/words.ts';
import { createStore } from '../src/store/create.ts';
import type { EvalRow, EvalSection } from './shared.ts';
import { partOf, rowsByPart } from './split.ts';

/**
 * Follow-up answers on PolNeAR dev, with questions we wrote (eval/questions.json). Each
 * question is asked with its own article as the briefing; an answer is right when its cited
 * sentence, found again in the article's file, overlaps the gold span. Baselines from the same
 * run: the sentence sharing most question words (unweighted) and Lead-1. Questions fall in
 * the half of their article (split.ts), the same half the article's quotes are in.
 */

export interface Span {
  start: number;
  end: number;
}

export interface EvalQuestion {
  file: string;
  type: string;
  question: string;
  answer: Span | null;
}

export function overlaps(a: Span, b: Span): boolean {
  return Math.min(a.end, b.end) > Math.max(a.start, b.start);
}

/** The sentences of `text` a gold span touches, as one span: what a right answer cites. */
export function sentenceAt(text: string, gold: Span): Span | null {
  const hit = splitSentences(text).filter((s) => overlaps(s, gold));
  if (!hit.length) return null;
  return { start: hit[0]!.start, end: hit.at(-1)!.end };
}

/** Where a cited sentence sits in the file; whitespace may differ after ingest's cleaning. */
export function locate(text: string, sentence: string): Span | null {
  const words = sentence.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const m = new RegExp(escaped.join('\\s+'), 'u').exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const ASKING = new Set(['who', 'what', 'when', 'where', 'why', 'how', 'many', 'much', 'did']);

/** Naive answerer: the sentence with most distinct question words; null when none shares one. */
export function wordOverlapAnswer(text: string, question: string): Span | null {
  const wanted = new Set(contentWords(question).filter((w) => !ASKING.has(w)));
  let best: Span | null = null;
  let bestHits = 0;
  for (const s of splitSentences(text)) {
    const hits = new Set(contentWords(s.text).filter((w) => wanted.has(w))).size;
    if (hits > bestHits) [best, bestHits] = [s, hits];
  }
  return best;
}

/** Lead-1: the first sentence after the headline paragraph. */
function leadAnswer(text: string): Span | null {
  const sentences = splitSentences(text);
  return sentences.find((s) => s.paragraph > 0) ?? sentences[0] ?? null;
}

/** Stands for a cited sentence that is not in the question's own article. */
const ELSEWHERE: Span = { start: -2, end: -1 };

interface Outcome {
  q: EvalQuestion;
  ours: Span | null;
  overlap: Span | null;
  lead: Span | null;
}

const right = (got: Span | null, gold: Span | null): boolean =>
  gold !== null && got !== null && overlaps(got, gold);

function share(items: Outcome[], pick: (o: Outcome) => Span | null, gold: boolean): number {
  if (!items.length) return 0;
  const ok = items.filter((o) =>
    gold ? right(pick(o), o.q.answer) : pick(o) === null && o.q.answer === null,
  );
  return ok.length / items.length;
}

function row(measure: string, ours: number, baseline: number, baselineName: string): EvalRow {
  return { measure, ours, baseline, baselineName, target: '', pass: true };
}

export async function evaluateAnswers(evalDir: string): Promise<EvalSection> {
  const doc = JSON.parse(readFileSync(new URL('./questions.json', import.meta.url), 'utf8')) as {
    questions: EvalQuestion[];
  };
  const textDir = join(evalDir, 'quotes/polnear-dev/text');
  const files = [...new Set(doc.questions.map((q) => q.file))];
  const tmp = mkdtempSync(join(tmpdir(), 'briefwire-answers-'));
  const outcomes: Outcome[] = [];
  const stores = await createStore(join(tmp, 'eval.db'));
  try {
    const report = await ingestPaths(
      stores,
      files.map((f) => join(textDir, f)),
    );
    const idOf = new Map(report.items.map((i) => [i.input, i.articleId]));
    for (const q of doc.questions) {
      const path = join(textDir, q.file);
      const text = readFileSync(path, 'utf8');
      const id = idOf.get(path);
      const answer = await answerQuestion(
        stores.articles,
        q.question,
        id === undefined ? [] : [id],
      );
      const cited = answer.found ? answer.citations[0] : undefined;
      // An answer cited from another article cannot overlap this one's gold span.
      const ours = cited
        ? cited.articleId === id
          ? (locate(text, cited.sentence) ?? ELSEWHERE)
          : ELSEWHERE
        : null;
      outcomes.push({
        q,
        ours,
        overlap: wordOverlapAnswer(text, q.question),
        lead: leadAnswer(text),
      });
    }
  } finally {
    await stores.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return summarise(outcomes, textDir);
}

/** Table rows for some questions; `types` come from the whole set, so every half has the same rows. */
function rowsOf(outcomes: Outcome[], types: readonly string[]): EvalRow[] {
  const answerable = outcomes.filter((o) => o.q.answer !== null);
  const unanswerable = outcomes.filter((o) => o.q.answer === null);
  const wrong = (pick: (o: Outcome) => Span | null): number =>
    answerable.length
      ? answerable.filter((o) => pick(o) !== null && !right(pick(o), o.q.answer)).length /
        answerable.length
      : 0;
  const naive = 'most question words';
  const rows: EvalRow[] = [
    row(
      'questions answered with the right sentence',
      share(answerable, (o) => o.ours, true),
      share(answerable, (o) => o.overlap, true),
      naive,
    ),
    row(
      'questions answered with the right sentence',
      share(answerable, (o) => o.ours, true),
      share(answerable, (o) => o.lead, true),
      'Lead-1',
    ),
    row(
      'honest not-found',
      share(unanswerable, (o) => o.ours, false),
      share(unanswerable, (o) => o.overlap, false),
      naive,
    ),
    row(
      'wrong answers given',
      wrong((o) => o.ours),
      wrong((o) => o.overlap),
      naive,
    ),
  ];
  for (const t of types) {
    const of = answerable.filter((o) => o.q.type === t);
    rows.push(
      row(
        `  right sentence, ${t} (${of.length})`,
        share(of, (o) => o.ours, true),
        share(of, (o) => o.overlap, true),
        naive,
      ),
    );
  }
  return rows;
}

/** A question's article id, the PolNeAR file name without `.txt`, as quotes.ts splits it. */
export const articleId = (file: string): string => file.replace(/\.txt$/, '');

function summarise(all: Outcome[], textDir: string): EvalSection {
  const types = [...new Set(all.filter((o) => o.q.answer !== null).map((o) => o.q.type))];
  const rows = rowsByPart((part) =>
    rowsOf(
      partOf(all, part, (o) => articleId(o.q.file)),
      types,
    ),
  );
  const outcomes = all;
  const answerable = outcomes.filter((o) => o.q.answer !== null);
  const misses = outcomes
    .filter((o) => (o.q.answer ? !right(o.ours, o.q.answer) : o.ours !== null))
    .map((o) => {
      const text = readFileSync(join(textDir, o.q.file), 'utf8');
      const gold = o.q.answer ? sentenceAt(text, o.q.answer) : null;
      const cut = (s: Span | null): string | null =>
        s && s.start >= 0 ? text.slice(s.start, s.end) : s ? '(another article)' : null;
      return {
        file: o.q.file,
        type: o.q.type,
        question: o.q.question,
        gold: cut(gold),
        got: cut(o.ours),
      };
    });
  return {
    name: 'answers',
    rows,
    details: { questions: outcomes.length, answerable: answerable.length, misses },
  };
}
