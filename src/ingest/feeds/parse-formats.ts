import {
  absoluteUrl,
  entryKey,
  type Fields,
  firstText,
  isoDate,
  list,
  record,
  text,
  textValue,
  titleText,
} from './parse-fields.ts';
import type { FeedEntry, FeedFormat, ParsedFeed } from './types.ts';

/**
 * feedsmith's objects (one shape per format, mirroring the document) to Briefwire's feed model:
 * links made absolute, dates ISO, full text told apart from teasers, and one key per entry.
 */

type Library = 'rss' | 'rdf' | 'atom' | 'json';

export function toParsedFeed(library: Library, feed: Fields, url: string): ParsedFeed {
  switch (library) {
    case 'rss':
      return itemsFeed('rss2', feed, url);
    case 'rdf':
      return itemsFeed('rss1', feed, url);
    case 'atom':
      return atomFeed(feed, url);
    case 'json':
      return jsonFeed(feed, url);
  }
}

function withKey(id: string | null, entry: Omit<FeedEntry, 'key'>): FeedEntry {
  return { key: entryKey(id, entry), ...entry };
}

/** RSS 0.9x/2.0 and RSS 1.0 (RDF): items with description, content:encoded and Dublin Core. */
function itemsFeed(format: FeedFormat, feed: Fields, url: string): ParsedFeed {
  const siteUrl = absoluteUrl(text(feed.link), [url]);
  const entries = list(feed.items).flatMap((raw) => {
    const item = record(raw);
    if (item === null) return [];
    const dc = record(item.dc);
    const guid = record(item.guid);
    const guidValue = text(guid?.value) ?? text(item.guid);
    // A GUID is a permalink unless it says otherwise (RSS 2.0).
    const guidLink = guid?.isPermaLink === false ? null : absoluteUrl(guidValue, []);
    const link =
      absoluteUrl(text(item.link), [siteUrl, url]) ??
      guidLink ??
      absoluteUrl(text(rdfAbout(item)), []);
    return [
      withKey(guidValue ?? text(rdfAbout(item)), {
        title: titleText(item.title),
        link,
        publishedAt: isoDate(item.pubDate, ...list(dc?.dates), dc?.date),
        author: firstText(...list(dc?.creators), dc?.creator, ...list(item.authors), item.author),
        contentHtml: text(record(item.content)?.encoded),
        contentText: null,
        summary: text(item.description),
      }),
    ];
  });
  return { format, title: titleText(feed.title), siteUrl, entries: unique(entries) };
}

function rdfAbout(item: Fields): unknown {
  return record(item.rdf)?.about;
}

function atomFeed(feed: Fields, url: string): ParsedFeed {
  const feedBase = text(record(feed.xml)?.base);
  const siteUrl = atomLink(feed.links, [feedBase, url]);
  const feedAuthor = atomAuthor(feed.authors);
  const entries = list(feed.entries).flatMap((raw) => {
    const entry = record(raw);
    if (entry === null) return [];
    const bases = [text(record(entry.xml)?.base), feedBase, url];
    const content = record(entry.content);
    const type = text(content?.type)?.toLowerCase() ?? 'text';
    const body = content !== null && text(content.src) === null ? textValue(content) : null;
    const isText = type === 'text' || type === 'text/plain';
    return [
      withKey(text(entry.id), {
        title: titleText(entry.title),
        link: atomLink(entry.links, bases),
        publishedAt: isoDate(entry.published, entry.updated),
        author: atomAuthor(entry.authors) ?? feedAuthor,
        contentHtml: isText ? null : body,
        contentText: isText ? body : null,
        summary: textValue(entry.summary),
      }),
    ];
  });
  return { format: 'atom', title: titleText(feed.title), siteUrl, entries: unique(entries) };
}

/** The rel="alternate" link (a link without rel is one), else the first link that is not self. */
function atomLink(links: unknown, bases: readonly (string | null)[]): string | null {
  const all = list(links).flatMap((l) => {
    const link = record(l);
    return link === null ? [] : [link];
  });
  const rel = (l: Fields) => text(l.rel)?.toLowerCase() ?? 'alternate';
  const chosen =
    all.find((l) => rel(l) === 'alternate') ??
    all.find((l) => !['self', 'enclosure', 'edit', 'replies'].includes(rel(l)));
  return chosen === undefined ? null : absoluteUrl(text(chosen.href), bases);
}

function atomAuthor(authors: unknown): string | null {
  return firstText(...list(authors).map((a) => record(a)?.name ?? a));
}

function jsonFeed(feed: Fields, url: string): ParsedFeed {
  const siteUrl = jsonUrl(feed.home_page_url, url);
  const feedAuthor = jsonAuthor(feed);
  const entries = list(feed.items).flatMap((raw) => {
    const item = record(raw);
    if (item === null) return [];
    return [
      withKey(text(item.id), {
        title: titleText(item.title),
        link: jsonUrl(item.url, url) ?? jsonUrl(item.external_url, url),
        publishedAt: isoDate(item.date_published, item.date_modified),
        author: jsonAuthor(item) ?? feedAuthor,
        contentHtml: text(item.content_html),
        contentText: text(item.content_text),
        summary: text(item.summary),
      }),
    ];
  });
  return { format: 'json', title: titleText(feed.title), siteUrl, entries: unique(entries) };
}

/**
 * JSON Feed URLs are meant to be absolute; a root-relative one is resolved, anything else (a
 * number or a word the library turned into a string) is not a link.
 */
function jsonUrl(value: unknown, url: string): string | null {
  const href = typeof value === 'string' ? text(value) : null;
  if (href === null || !(/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/'))) return null;
  return absoluteUrl(href, [url]);
}

/** JSON Feed 1.1 `authors`, or 1.0 `author`. */
function jsonAuthor(fields: Fields): string | null {
  return firstText(
    ...list(fields.authors).map((a) => record(a)?.name),
    record(fields.author)?.name,
  );
}

/** The first entry with a key wins: a GUID repeated in one feed is one entry. */
function unique(entries: FeedEntry[]): FeedEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.key)) return false;
    seen.add(e.key);
    return true;
  });
}
