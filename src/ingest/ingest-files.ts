import type { NewArticle } from '../model/article.ts';
import type { Stores } from '../store/ports/port.ts';
import {
  type Analyser,
  createAnalysisPool,
  defaultThreads,
  inlineAnalyser,
} from './analysis-pool.ts';
import { failed, type ItemReport, outcomeItem } from './item-report.ts';
import { type ParsedRecord, parseInput } from './parse.ts';
import { prepareArticleWith } from './prepare.ts';
import { readInputText } from './read-input.ts';
import type { SourceEntry } from './sources.ts';

/**
 * Files into the store, in the order given, each in its own transaction and reported as soon as
 * it is committed. With several files (or a file of many records) the articles are analysed by
 * a pool of worker threads, one per core, while the next files are read: at most `window`
 * files are read and analysed ahead of the one being stored (back-pressure), so memory stays
 * bounded and a crash loses only those files. A short batch is analysed on this thread: the
 * workers' half-second of loading would cost more than they save.
 */

/** Articles in a batch from which the pool is worth starting. */
export const POOL_FROM_ARTICLES = 8;

export interface FileIngestOptions {
  maxBytes: number;
  /** Worker threads for analysis; 0 analyses on this thread. One per core by default. */
  threads?: number;
}

/** A file read, parsed and analysed, waiting to be committed. */
interface PreparedFile {
  items: ItemReport[];
  pending: Array<{ article: NewArticle; slot: number }>;
  path: string;
}

export async function ingestFiles(
  stores: Stores,
  entries: readonly SourceEntry[],
  options: FileIngestOptions,
  report: (item: ItemReport) => void,
): Promise<void> {
  const threads = options.threads ?? defaultThreads();
  let pool: Analyser | null = null;
  // The pool starts once the batch shows enough articles: many files, or one file of many.
  const analyserFor = (records: number): Analyser => {
    if (threads === 0) return inlineAnalyser;
    if (!pool && Math.max(entries.length, records) >= POOL_FROM_ARTICLES)
      pool = createAnalysisPool(threads);
    return pool ?? inlineAnalyser;
  };
  const window = threads === 0 ? 1 : 2 * threads;
  const ahead: Array<Promise<PreparedFile>> = [];
  const commitNext = async (): Promise<void> => {
    const prepared = await ahead.shift()!;
    for (const item of await commitFile(stores, prepared)) report(item);
  };
  try {
    for (const entry of entries) {
      ahead.push(prepareFile(entry, options.maxBytes, analyserFor));
      if (ahead.length >= window) await commitNext();
    }
    while (ahead.length > 0) await commitNext();
  } finally {
    // Files still being analysed after a failure are dropped, never left running.
    await Promise.allSettled(ahead);
    await (pool as Analyser | null)?.close();
  }
}

/** One file's articles, read, parsed and analysed; its records keep their order. */
async function prepareFile(
  entry: SourceEntry,
  maxBytes: number,
  analyserFor: (records: number) => Analyser,
): Promise<PreparedFile> {
  const path = entry.path;
  const none = { pending: [], path };
  if (entry.kind === 'error') return { items: [failed(path, entry.error)], ...none };
  let records: ParsedRecord[];
  try {
    const { text } = await readInputText(path, entry.format, { maxBytes });
    records = parseInput(path, text).records;
  } catch (e) {
    return { items: [failed(path, e)], ...none };
  }
  const analyser = analyserFor(records.length);
  const items: ItemReport[] = [];
  const analysed = records.map((record) => {
    const input = record.index === null ? path : `${path}#${record.index}`;
    if ('problem' in record) return Promise.resolve({ input, error: record.problem as unknown });
    return prepareArticleWith(input, record.article, analyser).then(
      (article) => ({ input, article }),
      (error: unknown) => ({ input, error }),
    );
  });
  const pending: PreparedFile['pending'] = [];
  for (const result of await Promise.all(analysed)) {
    if ('article' in result) {
      pending.push({ article: result.article, slot: items.length });
      items.push({
        input: result.input,
        status: 'failed',
        title: result.article.title,
        reason: 'not stored',
      });
    } else {
      items.push(failed(result.input, result.error, path));
    }
  }
  return { items, pending, path };
}

/** Commits one prepared file in one transaction; its items, in file order. */
async function commitFile(stores: Stores, file: PreparedFile): Promise<ItemReport[]> {
  const { items, pending, path } = file;
  if (pending.length === 0) return items;
  try {
    const outcomes = await stores.articles.putArticles(pending.map((p) => p.article));
    outcomes.forEach((o, i) => {
      const { article, slot } = pending[i]!;
      items[slot] = outcomeItem(article, o);
    });
  } catch (e) {
    // The file's transaction rolled back: none of its articles is stored.
    for (const { article, slot } of pending)
      items[slot] = { ...failed(article.origin, e, path), title: article.title };
  }
  return items;
}
