import { BriefwireError, type ErrorCode } from '../../model/errors.ts';

/**
 * Fetching a URL a stranger may have typed: public addresses only (checked on the address
 * actually connected to, and again on every redirect), bounded in time and size, polite per
 * host. createFetcher (./fetcher.ts) implements it over node:http(s); tests run it against
 * servers on 127.0.0.1 let through by `allow`.
 */

export interface FetchSettings {
  /** Hosts or CIDRs let through although not public (BRIEFWIRE_FETCH_ALLOW). */
  allow: readonly string[];
  /** Sent on every request: names Briefwire and where to read about it. */
  userAgent: string;
  connectTimeoutMs: number;
  /** From the first byte sent to the last byte of the body, redirects included. */
  totalTimeoutMs: number;
  /** Bytes of body after decompression; a larger body fails with FETCH_TOO_LARGE. */
  maxBytes: number;
  maxRedirects: number;
  /** Requests in flight to one host at once. */
  perHostConcurrency: number;
  /** Pause between two requests to the same host. */
  perHostDelayMs: number;
  /** Honour robots.txt for article pages (purpose 'page'). */
  robots: boolean;
  /**
   * Resolves a host name to every address it has (default: dns.lookup, all: true). Tests
   * inject one so that a public-looking name can resolve to a private address.
   */
  lookup?: HostResolver;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface FetchRequest {
  url: string;
  /** What is fetched: robots.txt is checked for pages only; Accept differs. */
  purpose: 'page' | 'feed';
  /** Validators from the last response, for a conditional request. */
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchResult =
  | {
      status: 'ok';
      /** The URL finally read, after redirects. */
      url: string;
      httpStatus: number;
      /** The media type without parameters, lower-cased ("text/html"), or null. */
      contentType: string | null;
      /** The charset parameter of Content-Type, or null. */
      charset: string | null;
      /** The body, decompressed. */
      body: Buffer;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not-modified'; url: string; etag: string | null; lastModified: string | null };

export interface Fetcher {
  /** Throws FetchError naming the URL; never resolves with a 4xx/5xx. */
  fetch(request: FetchRequest): Promise<FetchResult>;
}

/**
 * Why a fetch failed. FETCH_REFUSED: not http(s), not a public address, robots.txt, too
 * many redirects. FETCH_TIMEOUT, FETCH_TOO_LARGE. FETCH_FAILED: network errors and HTTP
 * error statuses (httpStatus set; retryAfterMs from Retry-After on 429/503).
 */
export type FetchErrorCode = Extract<
  ErrorCode,
  'FETCH_REFUSED' | 'FETCH_TIMEOUT' | 'FETCH_TOO_LARGE' | 'FETCH_FAILED'
>;

export class FetchError extends BriefwireError {
  readonly httpStatus: number | null;
  readonly retryAfterMs: number | null;

  constructor(
    code: FetchErrorCode,
    message: string,
    url: string,
    detail: { httpStatus?: number; retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(code, message, url, { cause: detail.cause });
    this.name = 'FetchError';
    this.httpStatus = detail.httpStatus ?? null;
    this.retryAfterMs = detail.retryAfterMs ?? null;
  }
}
