import { LIMITS } from '../../model/limits.ts';
import type { FetchSettings } from './port.ts';

/** Names Briefwire and where a site owner can read about it (robots.txt matches "briefwire"). */
export const FETCH_USER_AGENT = 'Briefwire/0.1 (+https://github.com/briefwire/briefwire)';

/** Safe by default: public addresses only, robots.txt honoured, bounded in time and size. */
export const DEFAULT_FETCH_SETTINGS: Readonly<FetchSettings> = Object.freeze({
  allow: Object.freeze([]) as readonly string[],
  userAgent: FETCH_USER_AGENT,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: LIMITS.fileBytes,
  maxRedirects: 5,
  perHostConcurrency: 2,
  perHostDelayMs: 500,
  robots: true,
});

/** The defaults with the hosts and CIDRs let through (BRIEFWIRE_FETCH_ALLOW), and any overrides. */
export function fetchSettings(
  allow: readonly string[],
  overrides: Partial<FetchSettings> = {},
): FetchSettings {
  return { ...DEFAULT_FETCH_SETTINGS, ...overrides, allow: [...allow] };
}
