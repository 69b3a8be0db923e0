/** How hard the scheduler tries, and how long it waits: one place for the numbers. */
export interface DeliveryPolicy {
  /** A slot missed while the bot was down is still sent this long after its time (marked late). */
  graceMs: number;
  /** A slot sent more than this after its time is marked late. */
  lateAfterMs: number;
  /** A claim older than this, never finished, belongs to a process that died: it may be taken over. */
  leaseMs: number;
  /** Sends of one slot (first try included) before it is recorded as failed. */
  maxAttempts: number;
  /** The wait before retry n (1-based) when the platform did not say how long. */
  backoffMs(retry: number): number;
  /** How far back missed slots are looked for (and recorded as skipped). */
  lookbackMs: number;
  /** Settled ledger rows older than this are forgotten (once a day), so the ledger stays small. */
  keepLedgerMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_POLICY: DeliveryPolicy = {
  graceMs: 6 * HOUR,
  lateAfterMs: 5 * MINUTE,
  // Longer than the slowest in-process retry sequence below (4 waits of at most 2 minutes).
  leaseMs: 15 * MINUTE,
  maxAttempts: 5,
  backoffMs: (retry) => Math.min(2 * MINUTE, 5_000 * 2 ** (retry - 1)),
  lookbackMs: 7 * 24 * HOUR,
  keepLedgerMs: 90 * 24 * HOUR,
};

/** The longest retry-after honoured inside one delivery; a longer one fails the attempt sequence. */
export const MAX_RETRY_WAIT_MS = 2 * MINUTE;
