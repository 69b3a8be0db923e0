import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { parseAllowList } from './address-policy.ts';
import { readBody } from './body.ts';
import { type FetchTarget, fetchError, TotalTimedOut, toFetchError } from './fetch-errors.ts';
import { parseContentType, parseRetryAfter } from './headers.ts';
import { HostQueue } from './host-queue.ts';
import type { Fetcher, FetchRequest, FetchResult, FetchSettings } from './port.ts';
import { followRedirect, isRedirect, parseRequestUrl } from './redirects.ts';
import { sendRequest } from './request.ts';
import { RobotsCache } from './robots.ts';
import { checkedAddresses, literalAddress, safeLookup, systemResolver } from './safe-lookup.ts';

export { DEFAULT_FETCH_SETTINGS, fetchSettings } from './settings.ts';

type Purpose = FetchRequest['purpose'] | 'robots';

const ACCEPT: Record<Purpose, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.8',
  robots: 'text/plain, */*;q=0.5',
};

/** Google reads the first 500 KiB of a robots.txt; so do we. */
const ROBOTS_MAX_BYTES = 500 * 1024;

/**
 * The safe fetcher (see port.ts): every hop goes through the checking lookup, the per-host
 * queue and robots.txt (pages), under one total timeout; bodies are capped after decompression.
 */
export function createFetcher(settings: FetchSettings): Fetcher {
  const allow = parseAllowList(settings.allow);
  const resolver = settings.lookup ?? systemResolver;
  const lookup = safeLookup(resolver, allow);
  const queue = new HostQueue(settings.perHostConcurrency, settings.perHostDelayMs);
  const robots = new RobotsCache(readRobots, settings.userAgent);

  async function readRobots(robotsUrl: string): Promise<string | null> {
    const result = await run({ url: robotsUrl, purpose: 'feed' }, 'robots');
    return result.status === 'ok' ? result.body.toString('utf8') : null;
  }

  async function run(request: FetchRequest, purpose: Purpose): Promise<FetchResult> {
    const first = parseRequestUrl(request.url);
    first.hash = '';
    const visited = new Set([first.href]);
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new TotalTimedOut(settings.totalTimeoutMs)),
      settings.totalTimeoutMs,
    );
    let url = first;
    try {
      for (;;) {
        const target: FetchTarget = { requested: request.url, current: url.href };
        if (purpose === 'page' && settings.robots) await checkRobots(url, target);
        const release = await queue.acquire(url.host, deadline.signal).catch((e: unknown) => {
          throw toFetchError(e, target);
        });
        try {
          // node:net connects to a literal IP without calling lookup: check it here.
          const literal = literalAddress(url.hostname);
          if (literal !== null) await checkedAddresses(literal, resolver, allow);
          const response = await sendRequest({
            url,
            headers: headersFor(request, purpose),
            lookup,
            connectTimeoutMs: settings.connectTimeoutMs,
            signal: deadline.signal,
          });
          const status = response.statusCode ?? 0;
          if (isRedirect(status)) {
            response.destroy();
            const location = response.headers.location;
            url = followRedirect(status, location, url, visited, settings.maxRedirects, target);
            continue;
          }
          const maxBytes = purpose === 'robots' ? ROBOTS_MAX_BYTES : settings.maxBytes;
          return await answer(response, request, target, maxBytes, deadline.signal);
        } catch (e) {
          throw toFetchError(e, target);
        } finally {
          release();
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  async function checkRobots(url: URL, target: FetchTarget): Promise<void> {
    const robotsUrl = await robots.disallowedBy(url);
    if (robotsUrl !== null) {
      throw fetchError('FETCH_REFUSED', target, `refused: ${robotsUrl} disallows Briefwire here`);
    }
  }

  function headersFor(request: FetchRequest, purpose: Purpose): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = {
      'user-agent': settings.userAgent,
      accept: ACCEPT[purpose],
      'accept-encoding': 'gzip, deflate, br',
      connection: 'close',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    return headers;
  }

  return { fetch: (request) => run(request, request.purpose) };
}

/** The final response: 304, an error status, or a body read within the cap. */
async function answer(
  response: IncomingMessage,
  request: FetchRequest,
  target: FetchTarget,
  maxBytes: number,
  signal: AbortSignal,
): Promise<FetchResult> {
  const status = response.statusCode ?? 0;
  const etag = header(response, 'etag') ?? null;
  const lastModified = header(response, 'last-modified') ?? null;
  if (status === 304) {
    response.destroy();
    return {
      status: 'not-modified',
      url: target.current,
      etag: etag ?? request.etag ?? null,
      lastModified: lastModified ?? request.lastModified ?? null,
    };
  }
  if (status < 200 || status >= 300) {
    response.destroy();
    const retryAfterMs =
      status === 429 || status === 503 ? parseRetryAfter(header(response, 'retry-after')) : null;
    const words = response.statusMessage ? ` ${response.statusMessage}` : '';
    throw fetchError('FETCH_FAILED', target, `HTTP ${status}${words}`, {
      httpStatus: status,
      retryAfterMs,
    });
  }
  const declared = Number(header(response, 'content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw fetchError(
      'FETCH_TOO_LARGE',
      target,
      `the body is ${declared} bytes, over the limit of ${maxBytes} bytes`,
    );
  }
  const body = await readBody(response, target, maxBytes, signal);
  const { type, charset } = parseContentType(header(response, 'content-type'));
  return {
    status: 'ok',
    url: target.current,
    httpStatus: status,
    contentType: type,
    charset,
    body,
    etag,
    lastModified,
  };
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
