import { type FetchTarget, fetchError } from './fetch-errors.ts';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function isRedirect(status: number): boolean {
  return REDIRECTS.has(status);
}

/** The URL a fetch may be made to: http or https, nothing else. */
export function checkScheme(url: URL, target: FetchTarget): void {
  if (url.protocol === 'http:' || url.protocol === 'https:') return;
  throw fetchError(
    'FETCH_REFUSED',
    target,
    `refused: only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}`,
  );
}

/** Parses a URL asked for, refusing what is not an http(s) URL. */
export function parseRequestUrl(raw: string): URL {
  const target = { requested: raw, current: raw };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fetchError('FETCH_REFUSED', target, 'refused: not a valid URL');
  }
  checkScheme(url, target);
  return url;
}

/**
 * Where a redirect leads, checked: a Location is required, the scheme must be http(s), no URL
 * is visited twice, and at most `maxRedirects` are followed. (Addresses are checked on connect.)
 */
export function followRedirect(
  status: number,
  location: string | undefined,
  current: URL,
  visited: Set<string>,
  maxRedirects: number,
  target: FetchTarget,
): URL {
  if (location === undefined || location.trim() === '') {
    throw fetchError('FETCH_FAILED', target, `HTTP ${status} redirect without a Location`, {
      httpStatus: status,
    });
  }
  let next: URL;
  try {
    next = new URL(location.trim(), current);
  } catch {
    throw fetchError('FETCH_FAILED', target, `HTTP ${status} redirect to an invalid URL`, {
      httpStatus: status,
    });
  }
  next.hash = '';
  const hopTarget = { requested: target.requested, current: next.href };
  checkScheme(next, hopTarget);
  if (visited.has(next.href)) {
    const loop = { requested: target.requested, current: current.href };
    throw fetchError('FETCH_REFUSED', loop, `refused: redirect loop back to ${next.href}`);
  }
  if (visited.size > maxRedirects) {
    throw fetchError('FETCH_REFUSED', hopTarget, `refused: more than ${maxRedirects} redirects`);
  }
  visited.add(next.href);
  return next;
}
