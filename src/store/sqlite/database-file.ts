import { closeSync, constants, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BriefwireError, reasonOf } from '../../model/errors.ts';

/** The first 16 bytes of every SQLite database file. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Creates the directory a database file goes in, one level at a time. Not
 * `mkdirSync(…, { recursive: true })`: on Node 20 it retries forever when mkdir says ENOENT
 * under an existing parent (as everywhere under /proc), spinning a core instead of failing.
 */
export function ensureParentDirectory(location: string): void {
  const missing: string[] = [];
  let dir = dirname(resolve(location));
  for (;;) {
    const stat = statOrFail(dir, location, ['ENOENT', 'ENOTDIR']);
    if (stat) {
      if (!stat.isDirectory()) {
        throw new BriefwireError(
          'STORE_FAILED',
          `Cannot create the database ${location}: ${dir} is not a directory`,
          location,
        );
      }
      break;
    }
    missing.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      // Made meanwhile by another process opening the same store: fine.
      if (statSync(d, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw new BriefwireError(
        'STORE_FAILED',
        `Cannot create the directory for the database ${location}: ${reasonOf(e)}`,
        location,
        { cause: e },
      );
    }
  }
}

/**
 * Makes sure a database path is something SQLite can safely be pointed at, before it is: a
 * missing file is created (empty, so a read-only or pseudo file system fails here with its
 * own reason rather than SQLite's "unable to open database file"); a directory, device, pipe
 * or socket is refused (opening a pipe would block forever); a non-empty file that is not
 * SQLite is refused untouched. The parent directory must exist.
 */
export function checkDatabaseFile(location: string): void {
  const stat = statOrFail(location, location);
  if (!stat) {
    createEmptyFile(location);
    return;
  }
  if (stat.isDirectory()) {
    throw new BriefwireError(
      'STORE_FAILED',
      `${location} is a directory, not a database file`,
      location,
    );
  }
  if (!stat.isFile()) {
    throw new BriefwireError(
      'STORE_FAILED',
      `${location} is not a regular file (a device, pipe or socket), so it cannot hold a database`,
      location,
    );
  }
  if (stat.size === 0) return;
  if (!startsWithSqliteMagic(location)) {
    throw new BriefwireError(
      'STORE_FOREIGN',
      `${location} is not a SQLite database, so it cannot be a Briefwire store; it was left unchanged`,
      location,
    );
  }
}

/** The file's stat, or undefined when it is missing (`absent` says which errors mean that). */
function statOrFail(path: string, location: string, absent = ['ENOENT']) {
  try {
    return statSync(path);
  } catch (e) {
    if (absent.includes((e as NodeJS.ErrnoException).code ?? '')) return undefined;
    // Node's reason names the path it looked at.
    throw new BriefwireError(
      'STORE_FAILED',
      `Cannot use ${location} as the database: ${reasonOf(e)}`,
      location,
      { cause: e },
    );
  }
}

function createEmptyFile(location: string): void {
  try {
    // 'wx' never opens (or truncates) a file that appeared in the meantime.
    closeSync(openSync(location, 'wx'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return;
    throw new BriefwireError(
      'STORE_FAILED',
      `Cannot create the database file ${location}: ${reasonOf(e)}`,
      location,
      { cause: e },
    );
  }
}

function startsWithSqliteMagic(location: string): boolean {
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  let read = 0;
  try {
    // Non-blocking, in case the regular file was swapped for a pipe since it was looked at.
    const fd = openSync(location, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      read = readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new BriefwireError(
      'STORE_FAILED',
      `Cannot read the database file ${location}: ${reasonOf(e)}`,
      location,
      { cause: e },
    );
  }
  return read === header.length && header.equals(SQLITE_MAGIC);
}
