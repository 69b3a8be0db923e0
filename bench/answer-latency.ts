import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { answerQuestion } from '../src/answer/extractive.ts';
import { parseQuestion } from '../src/answer/question.ts';
import { searchText } from '../src/answer/retrieve.ts';
import type { Sentence } from '../src/model/analysis.ts';
import { ANALYSIS_VERSION } from '../src/model/analysis.ts';
import type { NewArticle, ParsedArticle } from '../src/model/article.ts';
import { splitSentences } from '../src/nlp/sentences.ts';
import { createStore } from '../src/store/create.ts';
import type { Stores } from '../src/store/ports/port.ts';
import { searchMatch } from '../src/store/sqlite/fts-query.ts';

/**
 * Answer latency over a large store: `ask --all` against 100,000 synthetic articles. They are
 * the bench's fictional articles with the town, the harbour and a serial number varied per
 * article, so the index sees a realistic spread of rare and common words. Analyses are minimal
 * (sentences only): running the NLP on 100k articles would take the bench's whole budget.
 */

const SYLLABLES = ['ost', 'mar', 'vik', 'lun', 'bro', 'tel', 'han', 'sor', 'kel', 'dun'];
const ENDINGS = ['by', 'holm', 'ford', 'wick', 'stad', 'mouth', 'haven', 'ness', 'dale', 'port'];
const BATCH = 5000;
/** Sentences kept per article: news leads are short, and it bounds the file to a few hundred MB. */
const MAX_SENTENCES = 8;

/** A town name per number: 1,000 of them, so each name is in about a hundred articles. */
function town(n: number): string {
  const a = SYLLABLES[n % 10]!;
  const b = SYLLABLES[Math.floor(n / 10) % 10]!;
  const name = `${a}${b}${ENDINGS[Math.floor(n / 100) % 10]!}`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

interface Template {
  title: string;
  sentences: string[];
}

function templatesOf(articles: ParsedArticle[]): Template[] {
  return articles.map((a) => ({
    title: a.title,
    sentences: splitSentences(a.text)
      .slice(0, MAX_SENTENCES)
      .map((s) => s.text),
  }));
}

function synthetic(t: Template, i: number): NewArticle {
  const place = town(i % 1000);
  const harbour = town((i * 7 + 3) % 1000);
  const vary = (s: string): string =>
    s.replaceAll('Marrowby', place).replaceAll('MARROWBY', place).replaceAll('Eastholm', harbour);
  const lines = [...t.sentences.map(vary), `Report number ${i} from ${place}.`];
  const sentences: Sentence[] = [];
  let at = 0;
  for (const text of lines) {
    sentences.push({ text, start: at, end: at + text.length, paragraph: 0 });
    at += text.length + 1;
  }
  const text = lines.join(' ');
  return {
    title: vary(t.title),
    text,
    publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    source: 'Synthetic Wire',
    url: null,
    origin: `bench:${i}`,
    contentHash: createHash('sha256').update(text).digest('hex'),
    analysis: { sentences, mentions: [], actors: [], quotes: [], summary: [0] },
    analysisVersion: ANALYSIS_VERSION,
  };
}

const QUESTIONS = [
  (p: string) => `How many ships were diverted from ${p}?`,
  (p: string) => `Why did the strike halt the ${p} container terminal?`,
  (p: string) => `Who is the mayor of ${p}?`,
  (p: string) => `When did ${p} council set up the hardship fund?`,
  (p: string) => `Where did the students march in ${p}?`,
  (p: string) => `How much did spoiled fruit cost importers in ${p}?`,
  (p: string) => `What did the harbour master of ${p} say?`,
  (p: string) => `Which trains carried freight out of ${p}?`,
  () => 'Why are dock workers on strike over night-shift cuts?',
  () => 'What did Priya Raman say about bananas?',
];

/** The baseline the issue names: FTS5 alone, on the words the answerer searches for. */
async function bareFts(file: string, questions: string[]): Promise<number[]> {
  const db = new Database(file, { readonly: true });
  try {
    const query = db.prepare(
      'SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY bm25(sentences_fts) LIMIT 10',
    );
    return await timings(questions, (q) => {
      const match = searchMatch(searchText(parseQuestion(q)));
      return match === null ? [] : query.all(match);
    });
  } finally {
    db.close();
  }
}

/** The i-th of the bench's questions, over the synthetic towns. */
export function benchQuestion(i: number): string {
  return QUESTIONS[i % QUESTIONS.length]!(town((i * 37) % 1000));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timings(questions: string[], work: (q: string) => unknown): Promise<number[]> {
  // Warm the page cache and the prepared statements first, as a running server would be.
  for (const q of questions.slice(0, 10)) await work(q);
  const times: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    await work(q);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export interface AnswerLatency {
  articles: number;
  questions: number;
  answered: number;
  p50: number;
  p99: number;
  /** Answering with a 20-article briefing to look in first. */
  briefingP50: number;
  briefingP99: number;
  searchP50: number;
  searchP99: number;
  /** A bare `sentences_fts MATCH … ORDER BY bm25 LIMIT 10` on the same SQLite file; null on PostgreSQL. */
  bareFtsP50: number | null;
  bareFtsP99: number | null;
  buildSeconds: number;
}

export async function answerLatency(
  base: ParsedArticle[],
  count = 100_000,
  questionCount = 200,
  /** The store to fill; a SQLite file in a temporary folder when absent. */
  open?: () => Promise<Stores>,
  /** Where to leave the SQLite store (for serve-memory.ts); deleted with its folder otherwise. */
  keepAt?: string,
): Promise<AnswerLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'briefwire-bench-'));
  const file = keepAt ?? join(dir, 'answers.db');
  const stores = open ? await open() : await createStore(file);
  try {
    const t0 = performance.now();
    const templates = templatesOf(base);
    for (let start = 0; start < count; start += BATCH) {
      const batch: NewArticle[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++)
        batch.push(synthetic(templates[i % templates.length]!, i));
      await stores.articles.putArticles(batch);
    }
    const buildSeconds = (performance.now() - t0) / 1000;
    const questions = Array.from({ length: questionCount }, (_, i) => benchQuestion(i));
    const answer = await timings(questions, (q) => answerQuestion(stores.articles, q, []));
    let answered = 0;
    for (const q of questions) if ((await answerQuestion(stores.articles, q, [])).found) answered++;
    // A chat follow-up: the briefing's 20 articles first (then the store when they lack it).
    const briefing = Array.from({ length: 20 }, (_, i) => 1 + i * 37);
    const inBriefing = await timings(questions, (q) =>
      answerQuestion(stores.articles, q, briefing),
    );
    const search = await timings(questions, (q) =>
      stores.articles.searchSentences(searchText(parseQuestion(q)), {}, 60),
    );
    const bare = open ? null : await bareFts(file, questions);
    return {
      bareFtsP50: bare && percentile(bare, 50),
      bareFtsP99: bare && percentile(bare, 99),
      articles: count,
      questions: questionCount,
      answered,
      p50: percentile(answer, 50),
      p99: percentile(answer, 99),
      briefingP50: percentile(inBriefing, 50),
      briefingP99: percentile(inBriefing, 99),
      searchP50: percentile(search, 50),
      searchP99: percentile(search, 99),
      buildSeconds,
    };
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
