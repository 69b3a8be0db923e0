import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coverageOf } from '../briefing/coverage.ts';
import { recordedBriefing } from '../briefing/permalink.ts';
import { resolveTopic, type Topic } from '../briefing/topics.ts';
import { parseWindow } from '../briefing/window.ts';
import { createFetcher, fetchSettings } from '../ingest/fetch/fetcher.ts';
import type { Fetcher } from '../ingest/fetch/port.ts';
import type { Span } from '../model/analysis.ts';
import type { Briefing } from '../model/briefing.ts';
import { reasonOf } from '../model/errors.ts';
import { renderArticlePage } from '../render/html/article-page.ts';
import { renderBriefingPage } from '../render/html/briefing-page.ts';
import { escapeHtml } from '../render/html/escape.ts';
import { htmlPage, STYLESHEET } from '../render/html/page.ts';
import { renderTopicPage } from '../render/html/topic-page.ts';
import type { Stores } from '../store/ports/port.ts';
import type { LinkSigner } from './links.ts';
import { handlePanel, type PanelDeps } from './panel.ts';
import type { Responder } from './responder.ts';

/**
 * Briefwire's own web pages: a briefing's permanent page and each article as analysed, both
 * reached only through signed links (links.ts). Read-only, no script, a strict
 * Content-Security-Policy, and every piece of article text escaped by the renderers.
 */

export interface WebDeps {
  stores: Stores;
  topics: Topic[];
  signer: LinkSigner;
  log?: (line: string) => void;
  /** The time the pages are as of (a topic's window); the system clock by default. */
  now?: () => Date;
  /** Mark the session cookie Secure: the pages are public over https. */
  secureCookies?: boolean;
  /** Zone for a digest that names none (BRIEFWIRE_TIMEZONE). */
  timezone?: string;
  /** Fetches feeds added in the panel (the app's, with its allow list); public addresses only by default. */
  fetcher?: Fetcher;
  /** Poll interval of a feed added in the panel (BRIEFWIRE_FEED_EVERY). */
  feedEveryMs?: number;
}

export interface WebServer {
  /** Listens on 127.0.0.1 unless told a host; resolves with the port taken. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
  /** For embedding beside another server (serve's Slack receiver). */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/** Path of a briefing's page, and of an article's page with a span to highlight. */
export function briefingPath(signer: LinkSigner, id: number): string {
  return `/b/${signer.token({ kind: 'b', id })}`;
}

export function articlePath(signer: LinkSigner, id: number, span: Span | null): string {
  const base = `/a/${signer.token({ kind: 'a', id })}`;
  return span ? `${base}?span=${span.start}-${span.end}#hl` : base;
}

export function createWebServer(deps: WebDeps): WebServer {
  const log = deps.log ?? (() => {});
  const send = (
    res: ServerResponse,
    status: number,
    type: string,
    body: string,
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'content-type': type,
      'cache-control': 'private, max-age=60',
      ...extra,
    });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const page = (res: ServerResponse, status: number, html: string): void =>
    send(res, status, 'text/html; charset=utf-8', html);
  const notFound = (res: ServerResponse): void =>
    page(
      res,
      404,
      htmlPage(
        'Not found',
        '<h1>Not found</h1><p>This link does not open a page: it may have been mistyped or cut short.</p>',
      ),
    );

  // The control panel's answers are about one person's session: never kept by a cache.
  const responder: Responder = {
    page: (res, status, html, headers = {}) =>
      send(res, status, 'text/html; charset=utf-8', html, {
        'cache-control': 'no-store',
        ...headers,
      }),
    redirect: (res, location, headers = {}) => {
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'cache-control': 'no-store',
        location,
        ...headers,
      });
      res.end();
    },
  };
  const panel: PanelDeps = {
    stores: deps.stores,
    topics: deps.topics,
    timezone: deps.timezone ?? 'UTC',
    fetcher: deps.fetcher ?? createFetcher(fetchSettings([])),
    briefingPage: (briefing) => briefingHtml(deps, briefing),
    feedEveryMs: deps.feedEveryMs ?? 15 * 60_000,
    now: () => deps.now?.() ?? new Date(),
    secureCookies: deps.secureCookies ?? false,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (await handlePanel(panel, req, res, url.pathname, responder)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' });
        return void res.end();
      }
      if (url.pathname === '/style.css')
        return send(res, 200, 'text/css; charset=utf-8', STYLESHEET);
      const m = /^\/([bat])\/([^/]+)$/.exec(url.pathname);
      const ref = m ? deps.signer.open(decodeURIComponent(m[2]!)) : null;
      if (!m || !ref || ref.kind !== m[1]) return notFound(res);
      if (ref.kind === 't') return page(res, 200, await topicPage(deps, ref.slug));
      if (ref.kind === 'a') {
        const [article] = await deps.stores.articles.getArticles([ref.id]);
        if (!article) return notFound(res);
        const reached = await deps.stores.articles.sourcesOf(article.id);
        return page(
          res,
          200,
          renderArticlePage(article, spanParam(url.searchParams.get('span')), reached),
        );
      }
      const record = await deps.stores.briefings.get(ref.id);
      const briefing = record && (await recordedBriefing(deps.stores, deps.topics, record));
      if (!briefing) return notFound(res);
      return page(res, 200, await briefingHtml(deps, briefing));
    } catch (e) {
      log(`web: ${req.method} ${req.url}: ${reasonOf(e)}`);
      if (!res.headersSent)
        page(
          res,
          500,
          htmlPage(
            'Unavailable',
            `<h1>Unavailable</h1><p>${escapeHtml('Briefwire could not show this page just now; please try again in a minute.')}</p>`,
          ),
        );
      else res.end();
    }
  }

  let server: Server | null = null;
  return {
    handle,
    async listen(port, host = '127.0.0.1') {
      server = createServer((req, res) => void handle(req, res));
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, resolve);
      });
      return (server.address() as AddressInfo).port;
    },
    async close() {
      if (!server) return;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = null;
    },
  };
}

/** A briefing's page: its articles looked up for the quotes' spans, every link signed. */
async function briefingHtml(deps: WebDeps, briefing: Briefing): Promise<string> {
  const articles = await deps.stores.articles.getArticles(briefing.sources.map((s) => s.articleId));
  const byId = new Map(articles.map((a) => [a.id, a]));
  return renderBriefingPage(
    briefing,
    byId,
    (id, span) => articlePath(deps.signer, id, span),
    topicPath(deps.signer, briefing.topic),
  );
}

/** The topic's page: coverage over its window, charted, and its recent briefings. */
async function topicPage(deps: WebDeps, slug: string): Promise<string> {
  const topic = resolveTopic(slug, deps.topics);
  const now = deps.now?.() ?? new Date();
  const window = parseWindow(topic.window, now);
  const inWindow = await deps.stores.articles.findArticles({
    terms: topic.terms,
    ...(window.since ? { since: window.since } : {}),
    limit: COVERAGE_ARTICLES,
  });
  // An empty window charts the topic's latest coverage instead, and says so.
  const articles =
    inWindow.length > 0 || !window.since
      ? inWindow
      : await deps.stores.articles.findArticles({ terms: topic.terms, limit: COVERAGE_ARTICLES });
  const latest = articles
    .map((a) => a.publishedAt ?? a.ingestedAt)
    .sort()
    .at(-1);
  const fallback = inWindow.length === 0 && articles.length > 0 && latest !== undefined;
  const label = window.label === 'all' ? 'all time' : `the last ${window.label}`;
  return renderTopicPage({
    title: topic.title,
    slug: topic.slug,
    windowLabel: fallback ? `nothing in ${label}; its latest coverage` : label,
    coverage: fallback
      ? coverageOf(articles, null, new Date(latest ?? now))
      : coverageOf(articles, window.since, now),
    briefings: (await deps.stores.briefings.recent(topic.slug, RECENT_BRIEFINGS)).map((b) => ({
      id: b.id,
      createdAt: b.createdAt,
      window: b.window,
      articles: b.articleIds.length,
    })),
    briefingHref: (id) => briefingPath(deps.signer, id),
  });
}

/** Articles charted on a topic's page (the newest first); enough for weeks of a busy topic. */
const COVERAGE_ARTICLES = 2_000;
const RECENT_BRIEFINGS = 20;

export function topicPath(signer: LinkSigner, slug: string): string {
  return `/t/${signer.token({ kind: 't', slug })}`;
}

/** `?span=120-180`: a highlight, or null for anything else. */
function spanParam(value: string | null): Span | null {
  const m = value ? /^(\d{1,9})-(\d{1,9})$/.exec(value) : null;
  return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
}
