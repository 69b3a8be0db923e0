import type { ParsedArticle } from '../model/article.ts';
import { BriefwireError } from '../model/errors.ts';
import { decodeBytes } from './decode.ts';
import { looksLikeFeed, parseFeed } from './feeds/parse.ts';
import type { ParsedFeed } from './feeds/types.ts';
import type { Fetcher, FetchRequest } from './fetch/port.ts';
import { notTextReason } from './not-text.ts';
import { parseHtml } from './parse-html.ts';
import { parseText } from './parse-text.ts';

/**
 * One URL read as Briefwire reads a file: fetched through the safe fetcher, decoded in the
 * charset the response declares (else the document's own declaration, else UTF-8 or
 * windows-1252), then read as a feed when it looks like one, else as an article page
 * (Readability, as for .html files). Every failure names the URL.
 */

export type UrlContent =
  | { kind: 'page'; url: string; article: ParsedArticle }
  | { kind: 'feed'; url: string; feed: ParsedFeed };

/** `https://…`, `http://…`, and any other `scheme://` (refused later, by the fetcher, by name). */
export function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim());
}

/** A fetched body as text, or INPUT_EMPTY / INPUT_NOT_TEXT naming the URL. */
export function decodeBody(url: string, body: Buffer, charset: string | null): string {
  if (body.length === 0) throw new BriefwireError('INPUT_EMPTY', `${url}: the body is empty`, url);
  const decoded = decodeBytes(body, { html: true, ...(charset ? { declared: charset } : {}) });
  const reason = notTextReason(decoded.text);
  if (reason !== null) {
    throw new BriefwireError(
      'INPUT_NOT_TEXT',
      `${url}: not text: ${reason}; read as ${decoded.encoding}`,
      url,
    );
  }
  if (decoded.text.replace(/^\uFEFF/, '').trim() === '')
    throw new BriefwireError('INPUT_EMPTY', `${url}: the body is blank`, url);
  return decoded.text;
}

/** What a fetch returned, or FETCH_FAILED: without validators a 304 is the server's error. */
async function fetchBody(
  fetcher: Fetcher,
  request: FetchRequest,
): Promise<{ url: string; contentType: string | null; text: string }> {
  const result = await fetcher.fetch(request);
  if (result.status === 'not-modified') {
    throw new BriefwireError(
      'FETCH_FAILED',
      `${request.url}: answered 304 Not Modified to an unconditional request`,
      request.url,
    );
  }
  return {
    url: result.url,
    contentType: result.contentType,
    text: decodeBody(request.url, result.body, result.charset),
  };
}

/** A page or a feed, whichever the URL turns out to be. */
export async function readUrl(fetcher: Fetcher, url: string): Promise<UrlContent> {
  const body = await fetchBody(fetcher, { url, purpose: 'page' });
  if (looksLikeFeed(body.contentType, body.text))
    return { kind: 'feed', url: body.url, feed: parseFeed(body.text, body.url) };
  return { kind: 'page', url: body.url, article: pageArticle(url, body) };
}

/** An article page (a feed entry's link): read as a page whatever it looks like. */
export async function readPage(
  fetcher: Fetcher,
  url: string,
): Promise<{ url: string; article: ParsedArticle }> {
  const body = await fetchBody(fetcher, { url, purpose: 'page' });
  return { url: body.url, article: pageArticle(url, body) };
}

/** Media types read as HTML; anything textual that is not plain text is tried as HTML too. */
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function pageArticle(
  url: string,
  body: { url: string; contentType: string | null; text: string },
): ParsedArticle {
  const type = body.contentType;
  let article: ParsedArticle;
  if (type === 'text/plain') {
    article = parseText(url, body.text);
  } else if (type === null || HTML_TYPES.has(type) || /^text\//.test(type)) {
    article = parseHtml(url, body.text);
  } else {
    throw new BriefwireError(
      'INPUT_UNSUPPORTED',
      `${url}: is ${type}, not a web page or a feed`,
      url,
    );
  }
  // The page's canonical URL when it names one, else where the fetch ended after redirects.
  return { ...article, url: article.url ?? body.url };
}
