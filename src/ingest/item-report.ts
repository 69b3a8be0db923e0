import type { NewArticle } from '../model/article.ts';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import type { PutOutcome } from '../store/ports/articles.ts';

/** Ingest's report: one line per input, stored, duplicate or failed, with the reason. */
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

/** What the store did with an article, as its report line. */
export function outcomeItem(article: NewArticle, o: PutOutcome): ItemReport {
  const item: ItemReport = {
    input: article.origin,
    status: o.status,
    title: article.title,
    articleId: o.id,
  };
  if (o.status === 'duplicate') item.reason = duplicateReason(o);
  return item;
}

function duplicateReason(o: { duplicateOf?: 'url' | 'content'; id: number }): string {
  return `same ${o.duplicateOf === 'url' ? 'URL' : 'text'} as article ${o.id}`;
}

/** A failed item; `path` is the file, whose name messages from the parsers already start with. */
export function failed(input: string, e: unknown, path = input): ItemReport {
  const code = e instanceof BriefwireError ? e.code : 'INPUT_UNREADABLE';
  const raw =
    e instanceof Error && 'code' in e && e.code === 'EISDIR' ? 'is a directory' : reasonOf(e);
  const reason = raw.startsWith(`${path}: `) ? raw.slice(path.length + 2) : raw;
  return { input, status: 'failed', reason, code };
}
