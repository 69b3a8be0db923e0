import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newsArticle } from './news-text.ts';

/**
 * A node:http server on 127.0.0.1 standing in for many news sites, one feed each: the site is
 * told by the Host header (feed-001.bench.test …), so each feed has its own host, as 200 feeds
 * on 200 sites would. Feeds alternate RSS 2.0 (content:encoded) and Atom (content type
 * "html"), each entry carrying the full article as paragraphs of invented news text. Every
 * feed has an ETag and a Last-Modified and answers 304 to a matching If-None-Match (or, with
 * none sent, If-Modified-Since). Bodies are built once, before any request is timed.
 */

export const BENCH_DOMAIN = 'bench.test';
/** When every bench feed was last modified (fixed, so validators never change). */
const MODIFIED = new Date(Date.UTC(2026, 2, 30, 6)).toUTCString();

export interface FeedServer {
  port: number;
  /** The feed URLs, one host each, in order. */
  urls: string[];
  /** Responses sent so far, by status. */
  counts: { ok: number; notModified: number; other: number };
  close(): Promise<void>;
}

export interface FeedShape {
  feeds: number;
  entriesPerFeed: number;
  /** Characters of article text per entry (before HTML markup). */
  entryChars: number;
}

export function feedHost(index: number): string {
  return `feed-${String(index + 1).padStart(3, '0')}.${BENCH_DOMAIN}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeXml(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

interface BenchEntry {
  id: string;
  link: string;
  title: string;
  published: Date;
  teaser: string;
  html: string;
}

function entriesOf(feed: number, shape: FeedShape, origin: string): BenchEntry[] {
  return Array.from({ length: shape.entriesPerFeed }, (_, e) => {
    // A seed per entry across all feeds, so no two articles share their text.
    const { title, text } = newsArticle(shape.entryChars, 1 + feed * shape.entriesPerFeed + e);
    const paragraphs = text.split(/\n\n/).map((p) => `<p>${escapeHtml(p)}</p>`);
    const n = String(e + 1).padStart(2, '0');
    return {
      id: `${feedHost(feed)}/entry-${n}`,
      link: `${origin}/2026/03/entry-${n}.html`,
      title: `${title} (${feedHost(feed)} ${n})`,
      published: new Date(Date.UTC(2026, 2, 29, 6 + (e % 18), feed % 60)),
      teaser: `${text.slice(0, 160)}…`,
      html: paragraphs.join('\n'),
    };
  });
}

function rssFeed(name: string, origin: string, entries: BenchEntry[]): string {
  const items = entries.map(
    (e) => `<item><title>${escapeXml(e.title)}</title><link>${e.link}</link>
<guid isPermaLink="false">${e.id}</guid><pubDate>${e.published.toUTCString()}</pubDate>
<description>${escapeXml(e.teaser)}</description>
<content:encoded><![CDATA[${e.html}]]></content:encoded></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${name}</title><link>${origin}/</link><description>News from ${name}</description>
${items.join('\n')}
</channel></rss>`;
}

function atomFeed(name: string, origin: string, entries: BenchEntry[]): string {
  const items = entries.map(
    (e) => `<entry><title>${escapeXml(e.title)}</title><link href="${e.link}"/>
<id>urn:bench:${e.id}</id><updated>${e.published.toISOString()}</updated>
<content type="html">${escapeXml(e.html)}</content></entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${name}</title>
<link href="${origin}/"/><id>urn:bench:${name}</id><updated>${new Date(MODIFIED).toISOString()}</updated>
${items.join('\n')}
</feed>`;
}

interface Rendered {
  body: Buffer;
  type: string;
  etag: string;
}

export async function startFeedServer(shape: FeedShape): Promise<FeedServer> {
  const rendered = new Map<string, Rendered>();
  const counts = { ok: 0, notModified: 0, other: 0 };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const feed = request.url === '/feed.xml' ? rendered.get(host) : undefined;
    if (!feed) {
      counts.other += 1;
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const match = request.headers['if-none-match'];
    const since = request.headers['if-modified-since'];
    if (match === undefined ? since === MODIFIED : match === feed.etag) {
      counts.notModified += 1;
      response.writeHead(304, { etag: feed.etag, 'last-modified': MODIFIED }).end();
      return;
    }
    counts.ok += 1;
    response
      .writeHead(200, {
        'content-type': feed.type,
        'content-length': feed.body.length,
        etag: feed.etag,
        'last-modified': MODIFIED,
      })
      .end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const urls: string[] = [];
  for (let f = 0; f < shape.feeds; f++) {
    const host = feedHost(f);
    const origin = `http://${host}:${port}`;
    const entries = entriesOf(f, shape, origin);
    const atom = f % 2 === 1;
    const xml = atom ? atomFeed(host, origin, entries) : rssFeed(host, origin, entries);
    rendered.set(host, {
      body: Buffer.from(xml, 'utf8'),
      type: atom ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8',
      etag: `"${host}-v1"`,
    });
    urls.push(`${origin}/feed.xml`);
  }
  return {
    port,
    urls,
    counts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
