import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { sharedDir } from './shared.ts';

/**
 * A news site on 127.0.0.1 for the link and feed tests: pages, feeds, conditional answers
 * (ETag / Last-Modified → 304), error statuses with Retry-After, redirects, bodies of any
 * size and a route that never answers. Routes can be changed while it runs, and every request
 * is counted, so a test can see what was (not) fetched.
 */

export interface Route {
  status?: number;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Answer 304 when the request carries this ETag in If-None-Match. */
  etag?: string;
  /** Answer 304 when the request carries this in If-Modified-Since. */
  lastModified?: string;
  /** 302 to this location. */
  redirect?: string;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Stream this many bytes of HTML (no Content-Length), for the size cap. */
  streamBytes?: number;
}

export interface NewsServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  url(pathname: string): string;
  route(pathname: string, route: Route): void;
  /** Requests seen for a path, with their headers. */
  requests(pathname: string): IncomingMessage['headers'][];
  /** When each request for a path arrived (epoch milliseconds), oldest first. */
  arrivals(pathname: string): number[];
  close(): Promise<void>;
}

export async function startNewsServer(): Promise<NewsServer> {
  const routes = new Map<string, Route>();
  const seen = new Map<string, IncomingMessage['headers'][]>();
  const arrived = new Map<string, number[]>();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    seen.set(pathname, [...(seen.get(pathname) ?? []), req.headers]);
    arrived.set(pathname, [...(arrived.get(pathname) ?? []), Date.now()]);
    answer(routes.get(pathname), req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => `${origin}${pathname}`,
    route: (pathname, route) => routes.set(pathname, route),
    requests: (pathname) => seen.get(pathname) ?? [],
    arrivals: (pathname) => arrived.get(pathname) ?? [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(route: Route | undefined, req: IncomingMessage, res: ServerResponse): void {
  if (!route) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  if (route.hang) return;
  if (route.redirect) {
    res.writeHead(302, { location: route.redirect }).end();
    return;
  }
  const validators: Record<string, string> = {};
  if (route.etag) validators.etag = route.etag;
  if (route.lastModified) validators['last-modified'] = route.lastModified;
  const notModified =
    (route.etag !== undefined && req.headers['if-none-match'] === route.etag) ||
    (route.lastModified !== undefined && req.headers['if-modified-since'] === route.lastModified);
  if (notModified) {
    res.writeHead(304, validators).end();
    return;
  }
  const headers = {
    'content-type': route.contentType ?? 'text/html; charset=utf-8',
    ...validators,
    ...route.headers,
  };
  if (route.streamBytes !== undefined) {
    streamHtml(res, route.streamBytes, headers);
    return;
  }
  res.writeHead(route.status ?? 200, headers).end(route.body ?? '');
}

/** A long page written in chunks as the client reads; stops when the client hangs up. */
function streamHtml(res: ServerResponse, bytes: number, headers: Record<string, string>): void {
  res.writeHead(200, headers);
  const chunk = Buffer.from(`<p>${'Quayside Ferries ran late again. '.repeat(2000)}</p>\n`);
  let sent = 0;
  const pump = (): void => {
    while (sent < bytes && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

export interface TestEntry {
  id: string;
  title: string;
  link: string;
  date?: string;
  /** Full text (HTML) → content:encoded / Atom content / content_html. */
  content?: string;
  /** Teaser → description / summary. */
  summary?: string;
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rssFeed(title: string, entries: readonly TestEntry[]): string {
  const items = entries.map(
    (e) => `<item><title>${escapeXml(e.title)}</title><link>${escapeXml(e.link)}</link>
<guid isPermaLink="false">${escapeXml(e.id)}</guid>${e.date ? `<pubDate>${e.date}</pubDate>` : ''}
${e.summary ? `<description>${escapeXml(e.summary)}</description>` : ''}
${e.content ? `<content:encoded><![CDATA[${e.content}]]></content:encoded>` : ''}</item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${escapeXml(title)}</title><link>http://127.0.0.1/</link><description>test</description>
${items.join('\n')}
</channel></rss>`;
}

export function atomFeed(title: string, entries: readonly TestEntry[]): string {
  const items = entries.map(
    (e) => `<entry><id>${escapeXml(e.id)}</id><title>${escapeXml(e.title)}</title>
<link rel="alternate" href="${escapeXml(e.link)}"/><updated>${e.date ?? '2026-11-02T09:00:00Z'}</updated>
${e.summary ? `<summary>${escapeXml(e.summary)}</summary>` : ''}
${e.content ? `<content type="html">${escapeXml(e.content)}</content>` : ''}</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(title)}</title>
<id>urn:test:${escapeXml(title)}</id><updated>2026-11-02T09:00:00Z</updated>
${items.join('\n')}
</feed>`;
}

export function jsonFeed(title: string, entries: readonly TestEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: entries.map((e) => ({
      id: e.id,
      url: e.link,
      title: e.title,
      ...(e.date ? { date_published: e.date } : {}),
      ...(e.content ? { content_html: e.content } : {}),
      ...(e.summary ? { summary: e.summary } : {}),
    })),
  });
}

/** An invented article of `n` paragraphs (each about 200 characters). */
export function storyParagraphs(subject: string, n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      `${subject} said on day ${i + 1} that Quayside Ferries would keep the Marrowby crossing open through the winter, and Mara Quist of the Portline harbour board called the timetable a fair compromise for the town.`,
  );
}

/** An article page around invented paragraphs. */
export function articlePage(title: string, paragraphs: readonly string[], date?: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<meta property="og:title" content="${escapeXml(title)}">
${date ? `<meta property="article:published_time" content="${date}">` : ''}
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>${escapeXml(title)}</h1>${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}</article>
<footer>Portline Gazette — all rights reserved</footer></body></html>`;
}

/** The real pages of ../shared/eval/html (name and HTML), or none without the shared data. */
export function sharedPages(): Array<{ name: string; file: string; html: Buffer }> {
  const dir = path.join(sharedDir, 'eval', 'html');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, file: path.join(dir, name, 'source.html') }))
    .filter((p) => existsSync(p.file))
    .map((p) => ({ ...p, html: readFileSync(p.file) }));
}
