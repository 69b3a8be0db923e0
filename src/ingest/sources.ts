import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { BriefwireError } from '../model/errors.ts';

/**
 * Expanding command-line inputs (files and directories) into the files to ingest. Nothing
 * here throws for a bad input: a missing or unsupported path becomes an error entry so the
 * rest of the batch goes on, and the caller reports each one by name.
 */

export type InputFormat = 'text' | 'markdown' | 'html' | 'json';

const FORMATS: ReadonlyMap<string, InputFormat> = new Map([
  ['.txt', 'text'],
  ['.md', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.json', 'json'],
]);

export const SUPPORTED_EXTENSIONS: readonly string[] = [...FORMATS.keys()];

/** The format a path's extension names (case-insensitive), or null. */
export function formatOf(path: string): InputFormat | null {
  return FORMATS.get(extname(path).toLowerCase()) ?? null;
}

export type SourceEntry =
  | { kind: 'file'; path: string; format: InputFormat }
  | { kind: 'error'; path: string; error: BriefwireError };

export interface ExpandedInputs {
  /** Files to read and errors to report, in input order; directories expanded sorted. */
  entries: SourceEntry[];
  /** Files inside directories skipped for their extension (hidden files are not listed). */
  skipped: string[];
}

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const entries: SourceEntry[] = [];
  const skipped: string[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const addFile = async (path: string): Promise<void> => {
    const format = formatOf(path);
    if (format === null) return;
    const real = await realpath(path).catch(() => path);
    if (seenFiles.has(real)) return; // the same file named twice is read once
    seenFiles.add(real);
    entries.push({ kind: 'file', path, format });
  };

  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (seenDirs.has(real)) return; // symlink loops and repeated arguments
    seenDirs.add(real);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
    } catch (e) {
      entries.push(errorEntry(dir, e));
      return;
    }
    names.sort(compareCodeUnits); // locale-independent, so every machine agrees
    for (const name of names) {
      const child = join(dir, name);
      const info = await stat(child).catch(() => null);
      if (info === null) continue; // dangling symlink
      if (info.isDirectory()) await walk(child);
      else if (!info.isFile()) continue;
      else if (formatOf(child) === null) skipped.push(child);
      else await addFile(child);
    }
  };

  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch (e) {
      entries.push(errorEntry(input, e));
      continue;
    }
    if (info.isDirectory()) {
      await walk(input);
    } else if (!info.isFile()) {
      entries.push(unsupported(input, 'it is not a regular file'));
    } else if (formatOf(input) === null) {
      const ext = extname(basename(input)) || 'no extension';
      entries.push(unsupported(input, `"${ext}" is not a supported extension`));
    } else {
      await addFile(input);
    }
  }
  return { entries, skipped };
}

function unsupported(path: string, why: string): SourceEntry {
  const message = `${path}: ${why} (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`;
  return { kind: 'error', path, error: new BriefwireError('INPUT_UNSUPPORTED', message, path) };
}

function errorEntry(path: string, e: unknown): SourceEntry {
  const code = (e as { code?: unknown } | null)?.code;
  const error =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? new BriefwireError('INPUT_NOT_FOUND', `${path}: no such file or directory`, path, {
          cause: e,
        })
      : new BriefwireError(
          'INPUT_UNREADABLE',
          `${path}: cannot be read (${String(code ?? e)})`,
          path,
          { cause: e },
        );
  return { kind: 'error', path, error };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
