/**
 * Slack answers HTTP 429 with `retry-after`. The Web API client is built with
 * `rejectRateLimitedCalls`, so a limited call comes back here at once and is sent again after
 * the wait, a bounded number of times: the wait is honoured whatever the client's general
 * retry policy (tests turn that off), and a message is never sent twice by two retry layers.
 */

const RATE_LIMITED = 'slack_webapi_rate_limited_error';

export interface RateLimitPolicy {
  /** Sends after this many waits fail again. */
  attempts: number;
  /** A longer `retry-after` than this fails the call instead of blocking it. */
  maxWaitMs: number;
  sleep?: (ms: number) => Promise<void>;
  onWait?: (ms: number) => void;
}

export const DEFAULT_RATE_LIMIT_POLICY: RateLimitPolicy = { attempts: 5, maxWaitMs: 120_000 };

/** Seconds to wait when `e` is the Web API client's rate-limit error, else null. */
export function retryAfterOf(e: unknown): number | null {
  if (typeof e !== 'object' || e === null) return null;
  const { code, retryAfter } = e as { code?: unknown; retryAfter?: unknown };
  return code === RATE_LIMITED && typeof retryAfter === 'number' ? retryAfter : null;
}

export async function withRateLimit<T>(
  call: () => Promise<T>,
  policy: RateLimitPolicy = DEFAULT_RATE_LIMIT_POLICY,
): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const seconds = retryAfterOf(e);
      const ms = seconds === null ? null : Math.max(0, seconds * 1000);
      if (ms === null || ms > policy.maxWaitMs || attempt >= policy.attempts) throw e;
      policy.onWait?.(ms);
      await sleep(ms);
    }
  }
}
