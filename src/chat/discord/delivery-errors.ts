import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../../model/delivery-error.ts';
import { reasonOf } from '../../model/errors.ts';

/**
 * What a failed Discord request means for a scheduled post: the channel is gone (deleted, or
 * the bot removed or denied), worth retrying (rate limit, Discord's 5xx, the network), or
 * refused for good (anything else Discord answered with a 4xx).
 */

/** JSON error codes after which posting in the channel cannot succeed until someone acts. */
const GONE: Record<number, { name: string; says: (channel: string) => string }> = {
  10003: {
    name: 'Unknown Channel',
    says: (c) => `channel ${c} no longer exists or the bot cannot see it`,
  },
  10004: {
    name: 'Unknown Guild',
    says: (c) => `the server of channel ${c} no longer exists or the bot was removed from it`,
  },
  50001: {
    name: 'Missing Access',
    says: (c) => `the bot can no longer see channel ${c}`,
  },
  50013: {
    name: 'Missing Permissions',
    says: (c) => `the bot may no longer post in channel ${c}`,
  },
};

/** Error codes of a failed connection (on the error or its causes, as undici nests them). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function discordDeliveryError(e: unknown, channel: string, what = 'post'): DeliveryError {
  if (e instanceof DeliveryError) return e;
  if (e instanceof DiscordAPIError) {
    const code = Number(e.code);
    const gone = GONE[code];
    if (gone)
      return new DeliveryError(
        'gone',
        `${gone.says(channel)} (Discord ${code} ${gone.name})`,
        channel,
        {
          platformCode: String(code),
          cause: e,
        },
      );
    if (e.status >= 500 || e.status === 429)
      return retryable(
        `Discord answered ${e.status} (${e.message})`,
        channel,
        `HTTP ${e.status}`,
        e,
      );
    return new DeliveryError(
      'rejected',
      `Discord refused the ${what} in channel ${channel}: ${e.message} (${e.code})`,
      channel,
      { platformCode: String(e.code), cause: e },
    );
  }
  if (e instanceof HTTPError) {
    if (e.status >= 500)
      return retryable(`Discord answered ${e.status} ${e.message}`, channel, `HTTP ${e.status}`, e);
    return new DeliveryError('rejected', `Discord answered ${e.status} ${e.message}`, channel, {
      platformCode: `HTTP ${e.status}`,
      cause: e,
    });
  }
  if (e instanceof RateLimitError) {
    const wait = Math.max(e.retryAfter, e.timeToReset, 0);
    return retryable(
      `Discord rate limit on ${e.route} (${e.global ? 'global' : e.scope}) for ${Math.ceil(wait / 1000)} s`,
      channel,
      'HTTP 429',
      e,
      wait,
    );
  }
  const network = networkCode(e);
  if (network)
    return retryable(
      `Discord could not be reached (${network}): ${reasonOf(e)}`,
      channel,
      network,
      e,
    );
  return new DeliveryError(
    'rejected',
    `the ${what} in channel ${channel} failed: ${reasonOf(e)}`,
    channel,
    { platformCode: 'unknown', cause: e },
  );
}

function retryable(
  reason: string,
  channel: string,
  platformCode: string,
  cause: unknown,
  retryAfterMs: number | null = null,
): DeliveryError {
  return new DeliveryError('retryable', reason, channel, {
    platformCode,
    retryAfterMs,
    cause,
  });
}

/** A timeout (discord.js aborts a request after `rest.timeout`) or a connection error code. */
function networkCode(e: unknown): string | null {
  for (let x: unknown = e, depth = 0; x instanceof Error && depth < 5; depth++) {
    if (x.name === 'AbortError' || x.name === 'TimeoutError') return 'timeout';
    const code = (x as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    // Node's connect to several addresses fails with an AggregateError of each attempt.
    x = x instanceof AggregateError && !x.cause ? x.errors[0] : x.cause;
  }
  return null;
}
