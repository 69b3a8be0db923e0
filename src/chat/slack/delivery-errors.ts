import { DeliveryError } from '../../model/delivery-error.ts';
import { reasonOf } from '../../model/errors.ts';
import { retryAfterOf } from './rate-limit.ts';
import { platformError } from './sender.ts';

/**
 * What a failed Web API call means for a scheduled post: the channel is gone (deleted,
 * archived, the bot removed or its token revoked), worth retrying (a rate limit longer than
 * withRateLimit waits, Slack's 5xx, the network), or refused for good (any other error).
 */

/** Platform errors after which posting in the channel cannot succeed until someone acts. */
const GONE: Record<string, (channel: string) => string> = {
  channel_not_found: (c) => `channel ${c} no longer exists or the bot cannot see it`,
  is_archived: (c) => `channel ${c} is archived`,
  not_in_channel: (c) => `the bot is no longer a member of channel ${c}`,
  account_inactive: () => 'the bot user has been deactivated',
  token_revoked: () => "the bot's token has been revoked (the app was uninstalled?)",
  invalid_auth: () => "Slack no longer accepts the bot's token",
  team_access_not_granted: (c) => `the app is not allowed into the workspace of channel ${c}`,
};

export function slackDeliveryError(e: unknown, channel: string, what = 'post'): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const error = platformError(e);
  if (error !== null) {
    const gone = GONE[error];
    if (gone)
      return new DeliveryError('gone', `${gone(channel)} (Slack ${error})`, channel, {
        platformCode: error,
        cause: e,
      });
    return new DeliveryError(
      'rejected',
      `Slack refused the ${what} in channel ${channel} (${error})`,
      channel,
      { platformCode: error, cause: e },
    );
  }
  const seconds = retryAfterOf(e);
  if (seconds !== null)
    return new DeliveryError(
      'retryable',
      `Slack rate limit on the ${what} in channel ${channel}: retry after ${seconds} s`,
      channel,
      { platformCode: 'ratelimited', retryAfterMs: seconds * 1000, cause: e },
    );
  const { code, statusCode } = (typeof e === 'object' && e !== null ? e : {}) as {
    code?: unknown;
    statusCode?: unknown;
  };
  if (code === 'slack_webapi_http_error' && typeof statusCode === 'number') {
    const failure = statusCode >= 500 ? 'retryable' : 'rejected';
    return new DeliveryError(failure, `Slack answered HTTP ${statusCode} to the ${what}`, channel, {
      platformCode: `HTTP ${statusCode}`,
      cause: e,
    });
  }
  if (code === 'slack_webapi_request_error')
    return new DeliveryError('retryable', `Slack could not be reached: ${reasonOf(e)}`, channel, {
      platformCode: 'request_error',
      cause: e,
    });
  return new DeliveryError(
    'rejected',
    `the ${what} in channel ${channel} failed: ${reasonOf(e)}`,
    channel,
    { platformCode: 'unknown', cause: e },
  );
}
