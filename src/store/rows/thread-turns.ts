import { BriefwireError } from '../../model/errors.ts';
import type { ThreadName, ThreadTurn } from '../ports/thread-links.ts';

/** The thread_links.turns column, as both stores read it back. */

function isName(v: unknown): v is ThreadName {
  if (typeof v !== 'object' || v === null) return false;
  const { name, type } = v as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    (type === 'person' || type === 'organization' || type === null)
  );
}

function isTurn(v: unknown): v is ThreadTurn {
  if (typeof v !== 'object' || v === null) return false;
  const { subject, named, answered } = v as Record<string, unknown>;
  return (
    (subject === null || isName(subject)) &&
    Array.isArray(named) &&
    named.every(isName) &&
    Array.isArray(answered) &&
    answered.every(isName)
  );
}

/** The turns column read back: JSON written by addTurn, checked, since a bad row must not pass. */
export function parseTurns(json: string | null, thread: string): ThreadTurn[] {
  if (json === null) return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || !value.every(isTurn))
    throw new BriefwireError(
      'STORE_FAILED',
      `thread ${thread}: its stored history is not a list of turns`,
      thread,
    );
  return value;
}
