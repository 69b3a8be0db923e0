import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFetcher, fetchSettings } from '../../src/ingest/fetch/fetcher.ts';
import { parseContentType, parseRetryAfter } from '../../src/ingest/fetch/headers.ts';
import { HostQueue } from '../../src/ingest/fetch/host-queue.ts';
import { FetchError, type FetchSettings } from '../../src/ingest/fetch/port.ts';
import { DEFAULT_FETCH_SETTINGS } from '../../src/ingest/fetch/settings.ts';
import { LIMITS } from '../../src/model/limits.ts';

/** HTTP as a polite client speaks it: validators, error statuses, robots.txt, charset, pacing. */

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const settings = (more: Partial<FetchSettings> = {}) =>
  fetchSettings(['127.0.0.1'], { perHostDelayMs: 0, robots: false, ...more });

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const e = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(FetchError);
  return e as FetchError;
}

describe('settings', () => {
  it('defaults to the documented limits and a User-Agent naming Briefwire and its URL', () => {
    expect(DEFAULT_FETCH_SETTINGS).toMatchObject({
      allow: [],
      userAgent: 'Briefwire/0.1 (+https://github.com/briefwire/briefwire)',
      connectTimeoutMs: 10_000,
      totalTimeoutMs: 30_000,
      maxBytes: LIMITS.fileBytes,
      maxRedirects: 5,
      perHostConcurrency: 2,
      perHostDelayMs: 500,
      robots: true,
    });
    expect(fetchSettings(['localhost']).allow).toEqual(['localhost']);
  });
});

describe('requests and responses', () => {
  it('sends the User-Agent, an Accept by purpose and the encodings it can read', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    const url = await serve((req, res) => {
      seen.push(req.headers);
      res.end('ok');
    });
    const fetcher = createFetcher(settings());
    await fetcher.fetch({ url, purpose: 'feed' });
    await fetcher.fetch({ url, purpose: 'page' });
    expect(seen[0]?.['user-agent']).toBe(DEFAULT_FETCH_SETTINGS.userAgent);
    expect(seen[0]?.accept).toMatch(
      /^application\/rss\+xml, application\/atom\+xml, application\/feed\+json/,
    );
    expect(seen[1]?.accept).toMatch(/^text\/html/);
    expect(seen[0]?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(seen[0]?.['if-none-match']).toBeUndefined();
  });

  it('sends the validators it is given and reports 304 as not-modified', async () => {
    const url = await serve((req, res) => {
      const fresh =
        req.headers['if-none-match'] === '"v7"' &&
        req.headers['if-modified-since'] === 'Tue, 01 Dec 2026 10:00:00 GMT';
      if (fresh) return res.writeHead(304, { etag: '"v7"' }).end();
      res.writeHead(200, { etag: '"v7"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' });
      res.end('<rss/>');
    });
    const fetcher = createFetcher(settings());
    const first = await fetcher.fetch({ url, purpose: 'feed' });
    expect(first).toMatchObject({
      status: 'ok',
      etag: '"v7"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
    if (first.status !== 'ok') return;
    const again = await fetcher.fetch({
      url,
      purpose: 'feed',
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again).toEqual({
      status: 'not-modified',
      url: `${url}/`,
      etag: '"v7"',
      lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT',
    });
  });

  it('fails an error status with its code, and Retry-After in seconds or as a date', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const url = await serve((req, res) => {
      if (req.url === '/busy') return res.writeHead(429, { 'retry-after': '90' }).end();
      if (req.url === '/down') return res.writeHead(503, { 'retry-after': inTwoMinutes }).end();
      res.writeHead(404).end('no Marrowby here');
    });
    const fetcher = createFetcher(settings());
    const busy = await failure(fetcher.fetch({ url: `${url}/busy`, purpose: 'feed' }));
    expect(busy).toMatchObject({ code: 'FETCH_FAILED', httpStatus: 429, retryAfterMs: 90_000 });
    expect(busy.message).toBe(`${url}/busy: HTTP 429 Too Many Requests`);
    const down = await failure(fetcher.fetch({ url: `${url}/down`, purpose: 'feed' }));
    expect(down.httpStatus).toBe(503);
    expect(down.retryAfterMs).toBeGreaterThan(100_000);
    expect(down.retryAfterMs).toBeLessThanOrEqual(120_000);
    const missing = await failure(fetcher.fetch({ url: `${url}/gone`, purpose: 'page' }));
    expect(missing).toMatchObject({ code: 'FETCH_FAILED', httpStatus: 404, retryAfterMs: null });
    expect(missing.message).toBe(`${url}/gone: HTTP 404 Not Found`);
  });

  it('reports the media type and the charset from Content-Type', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'Text/HTML; Charset="ISO-8859-1"' });
      res.end(Buffer.from([0x43, 0x61, 0x66, 0xe9]));
    });
    const result = await createFetcher(settings()).fetch({ url, purpose: 'page' });
    expect(result).toMatchObject({ status: 'ok', contentType: 'text/html', charset: 'iso-8859-1' });
    expect(result.status === 'ok' && [...result.body]).toEqual([0x43, 0x61, 0x66, 0xe9]);
  });

  it('reads Content-Type and Retry-After leniently', () => {
    expect(parseContentType('application/rss+xml; charset=UTF-8;')).toEqual({
      type: 'application/rss+xml',
      charset: 'utf-8',
    });
    expect(parseContentType("text/xml;charset='koi8-r'")).toEqual({
      type: 'text/xml',
      charset: 'koi8-r',
    });
    expect(parseContentType('text/html; boundary=x')).toEqual({ type: 'text/html', charset: null });
    expect(parseContentType('utf-8')).toEqual({ type: null, charset: null });
    expect(parseContentType(undefined)).toEqual({ type: null, charset: null });
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('robots.txt', () => {
  it('is honoured for pages, not for feeds, and read once per host', async () => {
    const hits: string[] = [];
    const url = await serve((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/robots.txt') {
        return res.end(
          'User-agent: *\nDisallow: /private/\n\nUser-agent: Briefwire\nDisallow: /drafts/\n',
        );
      }
      res.end('<p>Quayside Ferries</p>');
    });
    // One request at a time: robots.txt is read before the page takes the host's slot.
    const fetcher = createFetcher(settings({ robots: true, perHostConcurrency: 1 }));
    const page = await failure(fetcher.fetch({ url: `${url}/drafts/a`, purpose: 'page' }));
    expect(page.code).toBe('FETCH_REFUSED');
    expect(page.message).toBe(
      `${url}/drafts/a: refused: ${url}/robots.txt disallows Briefwire here`,
    );
    expect((await fetcher.fetch({ url: `${url}/drafts/feed.xml`, purpose: 'feed' })).status).toBe(
      'ok',
    );
    expect((await fetcher.fetch({ url: `${url}/news/1`, purpose: 'page' })).status).toBe('ok');
    expect((await fetcher.fetch({ url: `${url}/private/x`, purpose: 'page' })).status).toBe('ok');
    expect(hits.filter((h) => h === '/robots.txt')).toHaveLength(1);
    expect(hits).not.toContain('/drafts/a');
  });

  it('applies to the page a redirect leads to', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/robots.txt') return res.end('User-agent: *\nDisallow: /hidden\n');
      if (req.url === '/short') return res.writeHead(302, { location: '/hidden' }).end();
      res.end('page');
    });
    const e = await failure(
      createFetcher(settings({ robots: true })).fetch({ url: `${url}/short`, purpose: 'page' }),
    );
    expect(e.message).toBe(
      `${url}/short (redirected to ${url}/hidden): refused: ${url}/robots.txt disallows Briefwire here`,
    );
  });

  it('allows everything when robots.txt is missing (404) or failing (500)', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/robots.txt') return res.writeHead(500).end();
      res.end('page');
    });
    const withRobots = createFetcher(settings({ robots: true }));
    expect((await withRobots.fetch({ url: `${url}/a`, purpose: 'page' })).status).toBe('ok');
    const missing = await serve((req, res) => {
      res.writeHead(req.url === '/robots.txt' ? 404 : 200).end('page');
    });
    expect((await withRobots.fetch({ url: `${missing}/b`, purpose: 'page' })).status).toBe('ok');
  });
});

describe('per-host politeness', () => {
  it('keeps at most perHostConcurrency requests in flight to one host', async () => {
    let inFlight = 0;
    let most = 0;
    const url = await serve((_req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        res.end('ok');
      }, 60);
    });
    const fetcher = createFetcher(settings({ perHostConcurrency: 2 }));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => fetcher.fetch({ url: `${url}/${i}`, purpose: 'feed' })),
    );
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(most).toBe(2);
  });

  it('waits perHostDelayMs between starts to one host, and not across hosts', async () => {
    vi.useFakeTimers();
    const queue = new HostQueue(1, 500);
    const order: string[] = [];
    const take = (host: string, name: string) =>
      queue.acquire(host).then((release) => {
        order.push(name);
        return release;
      });
    const first = await take('portline.example', 'a1');
    const second = take('portline.example', 'a2');
    const elsewhere = await take('marrowby.example', 'b1');
    first();
    await vi.advanceTimersByTimeAsync(499);
    expect(order).toEqual(['a1', 'b1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['a1', 'b1', 'a2']);
    (await second)();
    elsewhere();
  });

  it('gives up waiting for a slot when the fetch is aborted', async () => {
    const queue = new HostQueue(1, 0);
    const held = await queue.acquire('portline.example');
    const controller = new AbortController();
    const waiting = queue.acquire('portline.example', controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    held();
    const next = await queue.acquire('portline.example');
    next();
    expect(queue.busyHosts).toBe(0);
  });
});
