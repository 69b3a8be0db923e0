import { FetchError, type FetchErrorCode } from './port.ts';

/** The URL asked for and the one being read (they differ after a redirect). */
export interface FetchTarget {
  requested: string;
  current: string;
}

/** A FetchError whose message names the URL, and the redirect target when there was one. */
export function fetchError(
  code: FetchErrorCode,
  target: FetchTarget,
  reason: string,
  detail: { httpStatus?: number; retryAfterMs?: number | null; cause?: unknown } = {},
): FetchError {
  const where = sameUrl(target.requested, target.current)
    ? target.requested
    : `${target.requested} (redirected to ${target.current})`;
  return new FetchError(code, `${where}: ${reason}`, target.requested, detail);
}

function sameUrl(requested: string, current: string): boolean {
  if (requested === current) return true;
  try {
    const url = new URL(requested);
    url.hash = '';
    return url.href === current;
  } catch {
    return false;
  }
}

/** A name lookup refused because an address is not public; the reason is in plain words. */
export class AddressRefused extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AddressRefused';
  }
}

/** The connection was not established within the connect timeout. */
export class ConnectTimedOut extends Error {
  constructor(readonly afterMs: number) {
    super(`could not connect within ${seconds(afterMs)}`);
    this.name = 'ConnectTimedOut';
  }
}

/** The whole fetch (redirects and body included) passed the total timeout. */
export class TotalTimedOut extends Error {
  constructor(readonly afterMs: number) {
    super(`no complete answer within ${seconds(afterMs)}`);
    this.name = 'TotalTimedOut';
  }
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be resolved (try again later)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  HPE_HEADER_OVERFLOW: 'the response headers are too large',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the TLS certificate does not name this host',
  CERT_HAS_EXPIRED: 'the TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate could not be verified',
};

/** Any error from a request or its body as a FetchError with a plain reason. */
export function toFetchError(e: unknown, target: FetchTarget): FetchError {
  if (e instanceof FetchError) return e;
  if (e instanceof AddressRefused)
    return fetchError('FETCH_REFUSED', target, `refused: ${e.reason}`);
  if (e instanceof ConnectTimedOut || e instanceof TotalTimedOut) {
    return fetchError('FETCH_TIMEOUT', target, e.message, { cause: e });
  }
  const code = (e as { code?: unknown } | null)?.code;
  const words = typeof code === 'string' ? NETWORK_WORDS[code] : undefined;
  const message = e instanceof Error ? e.message : String(e);
  const reason = words ?? (typeof code === 'string' ? `${message} (${code})` : message);
  return fetchError('FETCH_FAILED', target, reason, { cause: e });
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
