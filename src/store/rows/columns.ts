/**
 * Column values as either driver returns them, so that one row type serves both stores:
 * better-sqlite3 gives a flag as 0/1 and every integer as a number; pg gives a BOOLEAN as
 * true/false and a BIGINT as a decimal string (it may not fit a double).
 */

/** A flag column: SQLite's 0/1 or PostgreSQL's BOOLEAN. */
export type Flag = number | boolean;

/** A BIGINT column: a number from SQLite, a string from PostgreSQL. */
export type BigIntColumn = number | string;

/** A flag read back: SQLite's 1 and PostgreSQL's true are set, anything else is not. */
export function flag(value: Flag): boolean {
  return value === true || value === 1;
}
