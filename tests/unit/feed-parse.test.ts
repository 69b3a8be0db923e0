import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.ts';
import { looksLikeFeed, parseFeed } from '../../src/ingest/feeds/parse.ts';
import type { FeedEntry, ParsedFeed } from '../../src/ingest/feeds/types.ts';
import { BriefwireError } from '../../src/model/errors.ts';

/** parseFeed on invented feeds in the shapes real servers send (tests/fixtures/feeds). */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'feeds');
const URL_BASE = 'https://feeds.portline.example/dir/';

function fixtureText(name: string): string {
  // As the poller reads a body: BOM, then the XML declaration, then UTF-8, then windows-1252.
  return decodeBytes(readFileSync(join(FIXTURES, name)), { html: true }).text;
}
function parsed(name: string): ParsedFeed {
  return parseFeed(fixtureText(name), URL_BASE + name);
}
function entry(feed: ParsedFeed, title: string): FeedEntry {
  const found = feed.entries.find((e) => e.title === title);
  if (!found) throw new Error(`no entry titled ${title}`);
  return found;
}
function invalidReason(text: string, url: string): string {
  try {
    parseFeed(text, url);
  } catch (e) {
    expect(e).toBeInstanceOf(BriefwireError);
    const err = e as BriefwireError;
    expect(err.code).toBe('FEED_INVALID');
    expect(err.input).toBe(url);
    expect(err.message.startsWith(`${url}: `)).toBe(true);
    return err.message;
  }
  throw new Error('parseFeed accepted it');
}

describe('parseFeed: RSS 2.0', () => {
  const feed = parsed('rss2-full.xml');

  it('reads the channel and tells full text (content:encoded) from the teaser', () => {
    expect(feed).toMatchObject({
      format: 'rss2',
      title: 'Portline Gazette',
      siteUrl: 'https://portline.example/',
    });
    const night = entry(feed, 'Quayside Ferries adds a night crossing');
    expect(night).toMatchObject({
      key: 'portline-2024-0412',
      link: 'https://portline.example/news/night-crossing?utm_source=rss',
      publishedAt: '2024-04-12T08:30:00.000Z',
      author: 'Mara Quist',
      summary: '<p>A teaser about the night crossing.</p>',
      contentText: null,
    });
    expect(night.contentHtml).toContain('shift workers');
  });

  it('takes dc:date and dc:creator when pubDate and author are missing; a teaser has no content', () => {
    const wall = entry(feed, 'Harbour wall repairs finish early');
    expect(wall).toMatchObject({
      key: 'https://portline.example/news/harbour-wall',
      publishedAt: '2024-04-11T16:05:00.000Z',
      author: 'Tobin Ashgrove',
      contentHtml: null,
    });
  });

  it('reads RFC 822 dates with named and numeric zones to UTC', () => {
    const dates = parsed('rss2-teaser-dates.xml').entries.map((e) => e.publishedAt);
    expect(dates).toEqual([
      '2024-01-02T14:00:00.000Z', // EST
      '2024-01-03T08:45:00.000Z', // +0530, no seconds
      '2024-01-04T23:59:59.000Z', // GMT
      '2024-01-06T05:00:00.000Z', // PDT
    ]);
  });

  it('gives null for dates that are not dates', () => {
    const feed = parsed('rss2-invalid-dates.xml');
    expect(feed.entries).toHaveLength(4);
    expect(feed.entries.map((e) => e.publishedAt)).toEqual([null, null, null, null]);
  });

  it('decodes entities and drops markup in titles', () => {
    const titles = parsed('rss2-entities.xml').entries.map((e) => e.title);
    expect(titles).toEqual([
      'Ferries & trams: what’s next — a guide',
      "Mara Quist's bold plan & more",
    ]);
  });

  it('keys entries by GUID, else link, else a stable hash of title and date', () => {
    const feed = parsed('rss2-missing-guid.xml');
    const [west, lost1, lost2] = feed.entries;
    expect(west?.key).toBe('https://notices.example/west');
    expect(lost1?.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lost2?.key).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lost1?.key).not.toBe(lost2?.key);
    expect(parsed('rss2-missing-guid.xml').entries.map((e) => e.key)).toEqual(
      feed.entries.map((e) => e.key),
    );
  });

  it('keeps the first of entries sharing a GUID', () => {
    const feed = parsed('rss2-duplicate-guids.xml');
    expect(feed.entries.map((e) => [e.key, e.title])).toEqual([
      ['echo-17', 'Storm warning for the coast'],
      ['echo-18', 'Ferries cancelled'],
    ]);
  });

  it('makes links absolute against the feed URL and drops non-http links', () => {
    const feed = parseFeed(
      fixtureText('rss2-relative-links.xml'),
      'https://harbour.example/feeds/main.xml',
    );
    expect(feed.siteUrl).toBe('https://harbour.example/');
    expect(feed.entries.map((e) => e.link)).toEqual([
      'https://harbour.example/news/pier-lights',
      'https://harbour.example/ticket-office.html',
      'https://cdn.harbour.example/story',
      null,
    ]);
  });

  it('reads custom namespace prefixes for Dublin Core and content', () => {
    const [episode] = parsed('rss2-namespaces.xml').entries;
    expect(episode).toMatchObject({
      author: 'Mara Quist',
      publishedAt: '2024-02-14T06:00:00.000Z',
    });
    expect(episode?.contentHtml).toContain('tides at Marrowby');
  });

  it('reads a feed starting with a byte-order mark, and an empty channel', () => {
    expect(parsed('rss2-bom.xml').entries[0]?.title).toBe('Café reopens on the quay');
    expect(parsed('empty-channel.xml')).toEqual({
      format: 'rss2',
      title: 'Quiet Quay',
      siteUrl: 'https://quiet.example/',
      entries: [],
    });
  });
});

describe('parseFeed: RSS 0.91, 0.92 and 1.0 (RDF)', () => {
  it('reads RSS 0.91 with its DOCTYPE; entries without GUID are keyed by link', () => {
    const feed = parsed('rss091.xml');
    expect(feed.format).toBe('rss2');
    expect(feed.entries.map((e) => e.key)).toEqual([
      'https://oldquay.example/lighthouse',
      'https://oldquay.example/fish-market',
    ]);
  });

  it('reads RSS 0.92 items without titles', () => {
    const feed = parsed('rss092.xml');
    expect(feed.entries).toHaveLength(2);
    expect(feed.entries[0]).toMatchObject({
      title: null,
      link: 'https://radio.marrowby.example/notes/concert',
    });
    expect(feed.entries[1]?.key).toMatch(/^sha256:/);
  });

  it('reads RSS 1.0: rdf:about as the key, dc:date, content:encoded', () => {
    const feed = parsed('rdf-rss1.xml');
    expect(feed).toMatchObject({ format: 'rss1', title: 'Portline RDF Wire' });
    const [rota, crane] = feed.entries;
    expect(rota).toMatchObject({
      key: 'https://rdf.portline.example/story/1',
      publishedAt: '2024-02-01T10:00:00.000Z',
      author: 'Mara Quist',
    });
    expect(rota?.contentHtml).toContain('new rota');
    expect(crane).toMatchObject({ publishedAt: '2024-02-02T00:00:00.000Z', contentHtml: null });
  });
});

describe('parseFeed: Atom 1.0', () => {
  const feed = parsed('atom-full.xml');

  it('takes the alternate link, published before updated, html content and summary', () => {
    expect(feed).toMatchObject({ format: 'atom', siteUrl: 'https://ferries.example/blog/' });
    expect(feed.entries[0]).toMatchObject({
      key: 'tag:ferries.example,2024:entry-1',
      title: 'New boats <finally> arrive',
      link: 'https://ferries.example/blog/new-boats',
      publishedAt: '2024-02-28T08:00:00.000Z',
      author: 'Mara Quist',
      summary: 'Two new boats join the fleet.',
      contentText: null,
    });
    expect(feed.entries[0]?.contentHtml).toContain('joined the Quayside Ferries fleet');
  });

  it('falls back to updated; xhtml content is HTML, text content is text', () => {
    const winter = entry(feed, 'Winter timetable');
    expect(winter.publishedAt).toBe('2024-02-20T08:00:00.000Z');
    expect(winter.contentHtml).toContain('<b>November</b>');
    const plain = entry(feed, 'Plain words');
    expect(plain).toMatchObject({
      contentHtml: null,
      contentText: 'Plain text content with a <tag> that is text.',
    });
  });

  it('resolves links against the feed and entry xml:base', () => {
    expect(parsed('atom-xmlbase.xml').entries.map((e) => e.link)).toEqual([
      'https://base.marrowby.example/blog/posts/one',
      'https://other.marrowby.example/archive/two.html',
      'https://base.marrowby.example/three',
    ]);
  });

  it('resolves links against the feed URL without xml:base; a summary alone is a teaser', () => {
    const feed = parseFeed(
      fixtureText('atom-relative-nobase.xml'),
      'https://pier.example/atom.xml',
    );
    expect(feed.entries[0]).toMatchObject({
      link: 'https://pier.example/notes/summary-only',
      publishedAt: '2024-03-06T12:30:00.000Z',
      contentHtml: null,
      summary: '<p>Only a <em>teaser</em> here.</p>',
    });
  });
});

describe('parseFeed: JSON Feed', () => {
  it('reads 1.1: content_html, content_text, summary, authors, relative url', () => {
    const feed = parsed('jsonfeed-1.1.json');
    expect(feed).toMatchObject({ format: 'json', siteUrl: 'https://json.portline.example/' });
    expect(feed.entries.map((e) => e.key)).toEqual(['json-1', 'json-2', 'json-3']);
    expect(feed.entries[0]).toMatchObject({
      author: 'Mara Quist',
      summary: 'Fares frozen.',
      publishedAt: '2024-04-01T08:00:00.000Z',
    });
    expect(feed.entries[1]).toMatchObject({
      link: 'https://feeds.portline.example/two',
      contentHtml: null,
      contentText: 'A plain text item about the quay.',
      author: 'Portline Desk',
    });
    expect(feed.entries[2]).toMatchObject({
      title: null,
      contentText: null,
      publishedAt: '2024-04-03T10:00:00.000Z',
    });
  });

  it('reads 1.0: a numeric id and the single author', () => {
    expect(parsed('jsonfeed-1.0.json').entries[0]).toMatchObject({
      key: '101',
      author: 'Tobin Ashgrove',
    });
  });

  it('survives bad types: the good item is read, no link is made from a number', () => {
    const feed = parsed('jsonfeed-bad-types.json');
    expect(entry(feed, 'The one good item')).toMatchObject({
      key: 'ok-1',
      link: 'https://bad.example/ok',
      contentText: 'Good text.',
    });
    expect(feed.siteUrl).toBeNull();
    expect(feed.entries.every((e) => e.link === null || e.link === 'https://bad.example/ok')).toBe(
      true,
    );
    expect(parsed('jsonfeed-items-not-array.json').entries).toEqual([]);
  });
});

describe('parseFeed: encodings (decoded by decodeBytes from the XML declaration)', () => {
  it.each([
    ['latin1.xml', 'Crème brûlée à la gare'],
    ['windows-1252.xml', 'Mara Quist’s ferry – €12 return'],
    ['koi8-r.xml', 'Новый ночной рейс в Марроуби'],
    ['shift_jis.xml', '夜のフェリーが始まります'],
    ['big5.xml', '夜間渡輪開航'],
    ['utf-16le.xml', 'Ωmega ferry — “sixteen”'],
    ['utf-16be.xml', 'Big-endian ferry ✓'],
  ])('%s', (name, title) => {
    expect(parsed(name).entries[0]?.title).toBe(title);
  });
});

describe('parseFeed: malformed XML and things that are not feeds', () => {
  it('recovers what it can from an unclosed tag, bad entities and stray ampersands', () => {
    expect(parsed('malformed-unclosed.xml').entries[0]).toMatchObject({
      key: 'broken-1',
      title: 'First item is fine',
    });
    expect(parsed('malformed-bad-entity.xml').entries[0]?.title).toContain('Café on the quay');
    expect(parsed('malformed-stray-amp.xml').entries[0]).toMatchObject({
      title: 'Cod & haddock prices fall',
      link: 'https://fish.example/story?id=9&ref=feed',
    });
  });

  it('never expands DTD entities (billion laughs)', () => {
    const feed = parsed('billion-laughs.xml');
    expect(feed.entries[0]?.title?.length ?? 0).toBeLessThan(100);
  });

  it('refuses an HTML page, an empty or blank body, binary data, and XML that is not a feed', () => {
    const url = 'https://portline.example/';
    expect(invalidReason(fixtureText('html-page.html'), url)).toMatch(/HTML page/);
    expect(invalidReason('', url)).toMatch(/empty/);
    expect(invalidReason(fixtureText('whitespace.xml'), url)).toMatch(/empty/);
    expect(invalidReason(fixtureText('binary.bin'), url)).toMatch(/not text/);
    expect(invalidReason('<?xml version="1.0"?><svg></svg>', url)).toMatch(/<svg>/);
    expect(invalidReason('{"title": "no version"}', url)).toMatch(/jsonfeed/);
    expect(invalidReason('<rss version="2.0"><channel><title>x</', url)).toMatch(/malformed|feed/);
    expect(
      invalidReason('{"version": "https://jsonfeed.org/version/1.1", "items": [', url),
    ).toMatch(/JSON Feed/);
  });
});

describe('looksLikeFeed', () => {
  it('trusts feed content types', () => {
    for (const type of [
      'application/rss+xml',
      'application/atom+xml; charset=utf-8',
      'application/feed+json',
      'text/xml',
      'application/xml',
    ]) {
      expect(looksLikeFeed(type, '')).toBe(true);
    }
    expect(looksLikeFeed('application/xhtml+xml', '<html></html>')).toBe(false);
  });

  it('sniffs the root element or the JSON Feed version', () => {
    expect(looksLikeFeed('text/html', fixtureText('rss2-namespaces.xml'))).toBe(true);
    expect(looksLikeFeed(null, fixtureText('rdf-rss1.xml'))).toBe(true);
    expect(looksLikeFeed(null, fixtureText('atom-full.xml'))).toBe(true);
    expect(looksLikeFeed('application/json', fixtureText('jsonfeed-1.0.json'))).toBe(true);
    expect(looksLikeFeed('text/html', fixtureText('html-page.html'))).toBe(false);
    expect(looksLikeFeed('application/json', '{"version": "2"}')).toBe(false);
    expect(looksLikeFeed(null, '')).toBe(false);
  });
});
