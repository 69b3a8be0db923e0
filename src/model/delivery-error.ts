import { BriefwireError } from './errors.ts';

/**
 * Why a post to a channel failed, in the terms the scheduler acts on: `gone` (the channel was
 * deleted, the bot removed or denied access: pause the subscription, do not retry), `retryable`
 * (rate limit, platform 5xx, network: try again, after `retryAfterMs` when the platform said),
 * `rejected` (anything else the platform refused: record it as failed).
 */
export type DeliveryFailure = 'gone' | 'retryable' | 'rejected';

export class DeliveryError extends BriefwireError {
  readonly failure: DeliveryFailure;
  /** The platform's own error name or code ("channel_not_found", "10003", "HTTP 503"). */
  readonly platformCode: string;
  /** How long the platform asked us to wait, when it said. */
  readonly retryAfterMs: number | null;

  constructor(
    failure: DeliveryFailure,
    message: string,
    channel: string,
    details: { platformCode: string; retryAfterMs?: number | null; cause?: unknown },
  ) {
    super('DELIVERY_FAILED', message, channel, { cause: details.cause });
    this.name = 'DeliveryError';
    this.failure = failure;
    this.platformCode = details.platformCode;
    this.retryAfterMs = details.retryAfterMs ?? null;
  }
}

export function isDeliveryError(e: unknown): e is DeliveryError {
  return e instanceof DeliveryError;
}
