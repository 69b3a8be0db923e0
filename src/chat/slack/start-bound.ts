import { webApi } from '@slack/bolt';
import { BriefwireError, reasonOf } from '../../model/errors.ts';
import { platformError } from './sender.ts';

/**
 * Starting Slack ends in bounded time, and an unreachable Slack fails it naming what could not
 * be reached: no Web API call is retried while starting (or after a failed start), each request
 * may take SLACK_REQUEST_TIMEOUT_MS, and the whole start SLACK_START_BOUND_MS. Once started, the
 * clients retry as the library does.
 */

/** The whole start: auth.test, then (Socket Mode) apps.connections.open and the WebSocket's hello. */
export const SLACK_START_BOUND_MS = 20_000;
/** A Web API request unanswered this long has failed (the client's own default is to wait forever). */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;
/** The Web API client's own policy for a failed call: ten retries over about half an hour. */
export const WEB_API_RETRIES: webApi.RetryOptions =
  webApi.retryPolicies.tenRetriesInAboutThirtyMinutes;
/** @slack/socket-mode's own policy for apps.connections.open, which it applies only when given none. */
export const SOCKET_MODE_RETRIES: webApi.RetryOptions = { retries: 100, factor: 1.3 };

/** What the start was doing: the input a failure names. */
export interface StartStep {
  /** The Web API method, or the Socket Mode WebSocket. */
  what: 'auth.test' | 'apps.connections.open' | 'the Socket Mode WebSocket' | 'the HTTP listener';
  /** The Web API base URL, the WebSocket's URL, or the port listened on. */
  input: string;
}

export interface StartGate {
  /**
   * `policy` for a client once the start succeeded; while starting, and after a failed start,
   * a failed call is not retried. (@slack/web-api hands retryConfig to p-retry, whose
   * onFailedAttempt ends the retries by throwing.)
   */
  retries(policy: webApi.RetryOptions): webApi.RetryOptions;
  /**
   * Runs a start within SLACK_START_BOUND_MS; a failure (or the bound passing) becomes one
   * PLATFORM_FAILED error naming the step it happened in.
   */
  run(start: () => Promise<void>, step: () => StartStep): Promise<void>;
}

export function createStartGate(boundMs = SLACK_START_BOUND_MS): StartGate {
  let phase: 'starting' | 'started' | 'failed' = 'starting';
  return {
    retries(policy) {
      const gated = {
        ...policy,
        onFailedAttempt: (error: Error): void => {
          if (phase !== 'started') throw error;
        },
      };
      return gated;
    },

    async run(start, step) {
      phase = 'starting';
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StartTimeout(boundMs)), boundMs);
      });
      const starting = start();
      // A start that fails after the bound passed has already been reported.
      starting.catch(() => {});
      try {
        await Promise.race([starting, timedOut]);
        phase = 'started';
      } catch (e) {
        phase = 'failed';
        throw startError(e, step());
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

class StartTimeout extends Error {
  constructor(readonly ms: number) {
    super(`not connected within ${ms / 1000} s`);
  }
}

/** Which token a refusal is about. */
const TOKEN_OF: Partial<Record<StartStep['what'], string>> = {
  'auth.test': 'SLACK_BOT_TOKEN',
  'apps.connections.open': 'SLACK_APP_TOKEN',
};

function startError(e: unknown, step: StartStep): BriefwireError {
  if (e instanceof BriefwireError) return e;
  const refused = platformError(e);
  const where = `${step.what} at ${step.input}`;
  let message: string;
  if (step.what === 'the HTTP listener') {
    message = `Slack: could not listen for events on ${step.input}: ${reasonOf(e)}`;
  } else if (e instanceof StartTimeout) {
    message = `Slack: ${where} did not complete within ${e.ms / 1000} s`;
  } else if (refused !== null) {
    const token = TOKEN_OF[step.what];
    message = `Slack refused ${where}: ${refused}${token && /auth|token/.test(refused) ? ` (check ${token})` : ''}`;
  } else if (httpStatus(e) !== null) {
    message = `Slack: ${where} answered HTTP ${httpStatus(e)}`;
  } else {
    message = `Slack: could not reach ${where}: ${networkReason(e)}`;
  }
  return new BriefwireError('PLATFORM_FAILED', message, step.input, { cause: e });
}

function httpStatus(e: unknown): number | null {
  const { code, statusCode } = e as { code?: unknown; statusCode?: unknown };
  return code === webApi.ErrorCode.HTTPError && typeof statusCode === 'number' ? statusCode : null;
}

/** The reason under the client's wrappers: `fetch failed` says nothing, its cause names the address. */
function networkReason(e: unknown): string {
  const { code, original } = e as { code?: unknown; original?: Error & { cause?: unknown } };
  if (code !== webApi.ErrorCode.RequestError || !original) return reasonOf(e);
  if (original.name === 'TimeoutError')
    return `no answer within ${SLACK_REQUEST_TIMEOUT_MS / 1000} s`;
  return reasonOf(original.cause ?? original);
}
