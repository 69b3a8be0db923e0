import type { NewArticle, ParsedArticle } from '../../model/article.ts';
import { BriefwireError, reasonOf } from '../../model/errors.ts';
import type { ArticleStore } from '../../store/ports/articles.ts';
import { cleanBlocks, splitBlocks, titleFromText } from '../clean.ts';
import type { Fetcher } from '../fetch/port.ts';
import { htmlFragmentToParagraphs } from '../parse-html.ts';
import { prepareArticle } from '../prepare.ts';
import { readPage } from '../url.ts';
import type { FeedEntry } from './types.ts';

/**
 * One feed entry → one stored article. The feed's own text is used when it is the article
 * (FULL_TEXT_CHARS or more); a teaser sends us to the entry's page; when that page cannot be
 * read, the teaser is stored marked partial and the reason is kept. Each entry is its own
 * putArticles call (its own transaction), so a failure costs that entry only.
 */

/**
 * Characters of feed text that count as the article itself. Teasers (RSS descriptions, Atom
 * summaries, "Read more…" excerpts) run one to three sentences, about 150–350 characters;
 * the shortest real news items (briefs, wire snaps) run four or more sentences, past 400.
 * Below this, the page is the better copy; above it, fetching it would only cost a request.
 */
export const FULL_TEXT_CHARS = 400;

export interface FeedSource {
  url: string;
  title: string | null;
}

export type EntryOutcome =
  | {
      status: 'stored' | 'duplicate';
      item: string;
      title: string;
      articleId: number;
      /** Why only the teaser was stored, or null when the article is whole. */
      partial: string | null;
      /** For a duplicate: what it duplicates. */
      reason?: string;
    }
  | { status: 'failed'; item: string; title?: string; reason: string; code: string };

/** How an entry is named in reports: its link, else the feed URL and the entry key. */
export function entryItem(feedUrl: string, entry: FeedEntry): string {
  return entry.link ?? `${feedUrl}#${entry.key}`;
}

/** The entry's paragraphs from HTML or text, cleaned as any article's are. */
function entryParagraphs(body: string, title: string | null): string[] {
  const blocks = /<[a-z][\s\S]*>/i.test(body) ? htmlFragmentToParagraphs(body) : splitBlocks(body);
  return cleanBlocks(blocks, { inferTitle: false, knownTitle: title }).paragraphs;
}

function textOf(body: string | null, title: string | null): string {
  return body === null ? '' : entryParagraphs(body, title).join('\n\n');
}

function fromFeed(entry: FeedEntry, feed: FeedSource, text: string): ParsedArticle {
  return {
    title: entry.title ?? titleFromText(text),
    text,
    publishedAt: entry.publishedAt,
    source: feed.title,
    url: entry.link,
  };
}

/** The article an entry gives, reading its page when the feed holds only a teaser. */
export async function entryArticle(
  fetcher: Fetcher,
  feed: FeedSource,
  entry: FeedEntry,
): Promise<{ article: ParsedArticle; partial: string | null }> {
  const full = textOf(entry.contentHtml, entry.title) || textOf(entry.contentText, entry.title);
  if (full.length >= FULL_TEXT_CHARS)
    return { article: fromFeed(entry, feed, full), partial: null };
  let pageError: unknown = null;
  if (entry.link !== null) {
    try {
      const page = await readPage(fetcher, entry.link);
      return {
        article: {
          ...page.article,
          title: entry.title ?? page.article.title,
          // The entry's date first: the feed dates the item, a page's date line may not.
          publishedAt: entry.publishedAt ?? page.article.publishedAt,
          source: page.article.source ?? feed.title,
        },
        partial: null,
      };
    } catch (e) {
      pageError = e;
    }
  }
  const teaser = full || textOf(entry.summary, entry.title);
  if (teaser === '') {
    if (pageError !== null) throw pageError;
    throw new BriefwireError(
      'INPUT_EMPTY',
      `${entryItem(feed.url, entry)}: the entry has no text and no link`,
      entryItem(feed.url, entry),
    );
  }
  const why =
    pageError === null
      ? 'the feed gives only a teaser and no link'
      : `the page could not be read: ${reasonOf(pageError)}`;
  return { article: fromFeed(entry, feed, teaser), partial: why };
}

/** Reads, analyses and stores one entry; never throws. */
export async function storeEntry(
  deps: { fetcher: Fetcher; articles: ArticleStore },
  feed: FeedSource,
  entry: FeedEntry,
): Promise<EntryOutcome> {
  const item = entryItem(feed.url, entry);
  let article: NewArticle;
  let partial: string | null;
  try {
    const read = await entryArticle(deps.fetcher, feed, entry);
    partial = read.partial;
    article = {
      ...prepareArticle(item, read.article),
      via: `feed:${feed.url}`,
      partial: partial !== null,
    };
  } catch (e) {
    return failedEntry(item, e, entry.title ?? undefined);
  }
  try {
    const [outcome] = await deps.articles.putArticles([article]);
    if (!outcome) throw new Error('the store returned no outcome');
    const stored = {
      status: outcome.status,
      item,
      title: article.title,
      articleId: outcome.id,
      partial,
    };
    if (outcome.status === 'duplicate')
      return {
        ...stored,
        reason: `same ${outcome.duplicateOf === 'url' ? 'URL' : 'text'} as article ${outcome.id}`,
      };
    return stored;
  } catch (e) {
    return failedEntry(item, e, article.title);
  }
}

function failedEntry(item: string, e: unknown, title?: string): EntryOutcome {
  const code = e instanceof BriefwireError ? e.code : 'INPUT_UNREADABLE';
  const raw = reasonOf(e);
  const reason = raw.startsWith(`${item}: `) ? raw.slice(item.length + 2) : raw;
  return { status: 'failed', item, reason, code, ...(title === undefined ? {} : { title }) };
}
