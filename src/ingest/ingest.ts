import { readFile } from 'node:fs/promises';
import type { NewArticle } from '../model/article.ts';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import type { Stores } from '../store/ports/port.ts';
import { parseInput } from './parse.ts';
import { prepareArticle } from './prepare.ts';
import { expandInputs } from './sources.ts';

/**
 * Ingest: inputs → files → articles → analysis → store. Every input gets a line in the report;
 * a bad one is named with its reason and the rest of the batch goes on.
 */
export type ItemStatus = 'stored' | 'duplicate' | 'failed';

export interface ItemReport {
  /** The file (and record, for JSON arrays) the item came from. */
  input: string;
  status: ItemStatus;
  title?: string;
  articleId?: number;
  /** Why it was not stored: the error message, or what it duplicates. */
  reason?: string;
  code?: string;
}

export interface IngestReport {
  items: ItemReport[];
  /** Files inside directories left out for their extension. */
  skippedFiles: string[];
  counts: Record<ItemStatus, number>;
}

const BATCH = 100;

export async function ingestPaths(
  stores: Stores,
  inputs: readonly string[],
): Promise<IngestReport> {
  const items: ItemReport[] = [];
  const { entries, skipped } = await expandInputs(inputs);
  // Each article keeps its slot in `items`, so the report follows input order.
  let pending: Array<{ article: NewArticle; slot: number }> = [];

  const flush = async (): Promise<void> => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    const outcomes = await stores.articles.putArticles(batch.map((b) => b.article));
    outcomes.forEach((o, i) => {
      const { article, slot } = batch[i]!;
      const item: ItemReport = {
        input: items[slot]!.input,
        status: o.status,
        title: article.title,
        articleId: o.id,
      };
      if (o.status === 'duplicate')
        item.reason = `same ${o.duplicateOf === 'url' ? 'URL' : 'text'} as article ${o.id}`;
      items[slot] = item;
    });
  };

  for (const entry of entries) {
    if (entry.kind === 'error') {
      items.push(failed(entry.path, entry.error));
      continue;
    }
    try {
      const content = await readFile(entry.path, 'utf8');
      const { articles, problems } = parseInput(entry.path, content);
      for (const p of problems) items.push(failed(p.input ?? entry.path, p));
      articles.forEach((parsed, i) => {
        const input = articles.length > 1 ? `${entry.path}#${i + 1}` : entry.path;
        try {
          const article = prepareArticle(input, parsed);
          items.push({ input, status: 'failed', reason: 'not stored' });
          pending.push({ article, slot: items.length - 1 });
        } catch (e) {
          items.push(failed(input, e));
        }
      });
    } catch (e) {
      items.push(failed(entry.path, e));
    }
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  const counts: Record<ItemStatus, number> = { stored: 0, duplicate: 0, failed: 0 };
  for (const item of items) counts[item.status] += 1;
  return { items, skippedFiles: skipped, counts };
}

function failed(input: string, e: unknown): ItemReport {
  const code = e instanceof BriefwireError ? e.code : 'INPUT_UNREADABLE';
  const raw =
    e instanceof Error && 'code' in e && e.code === 'EISDIR' ? 'is a directory' : reasonOf(e);
  // Messages from the parsers already start with the path; do not repeat it.
  const reason = raw.startsWith(`${input}: `) ? raw.slice(input.length + 2) : raw;
  return { input, status: 'failed', reason, code };
}
