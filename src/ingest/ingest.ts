import type { NewArticle } from '../model/article.ts';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import { LIMITS } from '../model/limits.ts';
import type { PutOutcome } from '../store/ports/articles.ts';
import type { Stores } from '../store/ports/port.ts';
import { type EntryOutcome, storeEntry } from './feeds/poll-entry.ts';
import type { Fetcher } from './fetch/port.ts';
import { type ParsedRecord, parseInput } from './parse.ts';
import { prepareArticle } from './prepare.ts';
import { readInputText } from './read-input.ts';
import { expandInputs, type SourceEntry } from './sources.ts';
import { isUrlInput, readUrl } from './url.ts';

/**
 * Ingest: inputs (files, folders, URLs) → articles → analysis → store. A URL is fetched and read
 * as a page, or, when it is a feed, as its entries (each named by its link). Every input gets a line in the report;
 * a bad one is named with its reason and the rest of the batch goes on. Each file is stored in
 * its own transaction and reported as soon as it is, so a crash or a kill loses at most the
 * file in progress, and a store failure (a lock held too long) fails that file only.
 */
export type ItemStatus = 'stored' | 'duplicate' | 'failed';

export interface ItemReport {
  /**
   * The file the item came from; for a file holding a list of records (a JSON array), the
   * file and the record's 0-based index in that list: `feed.json#3`, stored or failed.
   */
  input: string;
  status: ItemStatus;
  title?: string;
  articleId?: number;
  /** Why it was not stored: the error message, or what it duplicates. */
  reason?: string;
  code?: string;
  /** Stored from a feed's teaser only, and why the page was not read. */
  partial?: string;
}

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
    for (const entry of entries)
      for (const item of await ingestEntry(stores, entry, maxBytes)) report(item);
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

/** What the store did with an article, as its report line. */
function outcomeItem(article: NewArticle, o: PutOutcome): ItemReport {
  const item: ItemReport = {
    input: article.origin,
    status: o.status,
    title: article.title,
    articleId: o.id,
  };
  if (o.status === 'duplicate') item.reason = duplicateReason(o);
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

function duplicateReason(o: { duplicateOf?: 'url' | 'content'; id: number }): string {
  return `same ${o.duplicateOf === 'url' ? 'URL' : 'text'} as article ${o.id}`;
}

/** One file's items, in file order, after its articles are committed in one transaction. */
async function ingestEntry(
  stores: Stores,
  entry: SourceEntry,
  maxBytes: number,
): Promise<ItemReport[]> {
  const path = entry.path;
  if (entry.kind === 'error') return [failed(path, entry.error)];
  let records: ParsedRecord[];
  try {
    const { text } = await readInputText(path, entry.format, { maxBytes });
    records = parseInput(path, text).records;
  } catch (e) {
    return [failed(path, e)];
  }

  // Each article keeps its slot in `items`, so the report follows the file's record order.
  const items: ItemReport[] = [];
  const pending: Array<{ article: NewArticle; slot: number }> = [];
  for (const record of records) {
    const input = record.index === null ? path : `${path}#${record.index}`;
    if ('problem' in record) {
      items.push(failed(input, record.problem, path));
      continue;
    }
    try {
      const article = prepareArticle(input, record.article);
      pending.push({ article, slot: items.length });
      items.push({ input, status: 'failed', title: article.title, reason: 'not stored' });
    } catch (e) {
      items.push(failed(input, e, path));
    }
  }
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

/** A failed item; `path` is the file, whose name messages from the parsers already start with. */
function failed(input: string, e: unknown, path = input): ItemReport {
  const code = e instanceof BriefwireError ? e.code : 'INPUT_UNREADABLE';
  const raw =
    e instanceof Error && 'code' in e && e.code === 'EISDIR' ? 'is a directory' : reasonOf(e);
  const reason = raw.startsWith(`${path}: `) ? raw.slice(path.length + 2) : raw;
  return { input, status: 'failed', reason, code };
}
