import type { NewArticle } from '../model/article.ts';
import { BriefwireError } from '../model/errors.ts';
import { LIMITS } from '../model/limits.ts';
import type { Stores } from '../store/ports/port.ts';
import { type EntryOutcome, storeEntry } from './feeds/poll-entry.ts';
import type { Fetcher } from './fetch/port.ts';
import { ingestFiles } from './ingest-files.ts';
import { failed, type ItemReport, type ItemStatus, outcomeItem } from './item-report.ts';
import { prepareArticle } from './prepare.ts';
import { expandInputs } from './sources.ts';
import { isUrlInput, readUrl } from './url.ts';

/**
 * Ingest: inputs (files, folders, URLs) → articles → analysis → store. A URL is fetched and read
 * as a page, or, when it is a feed, as its entries (each named by its link). Every input gets a line in the report;
 * a bad one is named with its reason and the rest of the batch goes on. Each file is stored in
 * its own transaction and reported as soon as it is, so a crash or a kill loses at most the
 * files in progress (ingest-files.ts), and a store failure (a lock held too long) fails that
 * file only.
 */
export type { ItemReport, ItemStatus } from './item-report.ts';

export interface IngestReport {
  items: ItemReport[];
  /** Files inside directories left out for their extension. */
  skippedFiles: string[];
  counts: Record<ItemStatus, number>;
}

export interface IngestOptions {
  /** Called with each item as soon as its file is done, in report order. */
  onItem?: (item: ItemReport) => void;
  /** Bytes accepted from one file; LIMITS.fileBytes by default. */
  maxFileBytes?: number;
  /** Fetches URL inputs; without one a URL fails FETCH_REFUSED. */
  fetcher?: Fetcher;
  /** Worker threads analysing a batch of files (ingest-files.ts); 0: this thread. One per core by default. */
  threads?: number;
}

export async function ingestPaths(
  stores: Stores,
  inputs: readonly string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const items: ItemReport[] = [];
  const counts: Record<ItemStatus, number> = { stored: 0, duplicate: 0, failed: 0 };
  const maxBytes = options.maxFileBytes ?? LIMITS.fileBytes;
  const skippedFiles: string[] = [];
  const report = (item: ItemReport): void => {
    items.push(item);
    counts[item.status] += 1;
    options.onItem?.(item);
  };
  // Inputs in the order given: a run of paths is expanded together (a file named twice in it
  // is read once), each URL is read where it stands.
  let paths: string[] = [];
  const flushPaths = async (): Promise<void> => {
    if (paths.length === 0) return;
    const { entries, skipped } = await expandInputs(paths);
    paths = [];
    skippedFiles.push(...skipped);
    await ingestFiles(
      stores,
      entries,
      { maxBytes, ...(options.threads === undefined ? {} : { threads: options.threads }) },
      report,
    );
  };
  for (const input of inputs) {
    if (!isUrlInput(input)) {
      paths.push(input);
      continue;
    }
    await flushPaths();
    for (const item of await ingestUrl(stores, input.trim(), options.fetcher)) report(item);
  }
  await flushPaths();
  return { items, skippedFiles, counts };
}

/** A URL's items: the page's article, or one item per entry of a feed. */
async function ingestUrl(
  stores: Stores,
  url: string,
  fetcher: Fetcher | undefined,
): Promise<ItemReport[]> {
  if (!fetcher)
    return [
      failed(url, new BriefwireError('FETCH_REFUSED', `${url}: fetching is not set up`, url)),
    ];
  let content: Awaited<ReturnType<typeof readUrl>>;
  try {
    content = await readUrl(fetcher, url);
  } catch (e) {
    return [failed(url, e)];
  }
  if (content.kind === 'page') {
    let article: NewArticle;
    try {
      article = prepareArticle(url, content.article);
    } catch (e) {
      return [failed(url, e)];
    }
    return [await putOne(stores, article)];
  }
  const source = { url, title: content.feed.title };
  const items: ItemReport[] = [];
  const seen = new Set<string>();
  for (const entry of content.feed.entries) {
    if (seen.has(entry.key)) continue; // a repeated id in one feed stores once
    seen.add(entry.key);
    items.push(
      entryReport(await storeEntry({ fetcher, articles: stores.articles }, source, entry)),
    );
  }
  if (items.length === 0)
    return [failed(url, new BriefwireError('INPUT_EMPTY', `${url}: the feed has no entries`, url))];
  return items;
}

function entryReport(outcome: EntryOutcome): ItemReport {
  if (outcome.status === 'failed') {
    const { item, reason, code, title } = outcome;
    return {
      input: item,
      status: 'failed',
      reason,
      code,
      ...(title === undefined ? {} : { title }),
    };
  }
  const item: ItemReport = {
    input: outcome.item,
    status: outcome.status,
    title: outcome.title,
    articleId: outcome.articleId,
  };
  if (outcome.reason !== undefined) item.reason = outcome.reason;
  if (outcome.partial !== null) item.partial = outcome.partial;
  return item;
}

/** One article in its own transaction. */
async function putOne(stores: Stores, article: NewArticle): Promise<ItemReport> {
  try {
    const [o] = await stores.articles.putArticles([article]);
    if (!o) throw new Error('the store returned no outcome');
    return outcomeItem(article, o);
  } catch (e) {
    return { ...failed(article.origin, e), title: article.title };
  }
}
