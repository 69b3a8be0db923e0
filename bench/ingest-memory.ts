import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newsArticle } from './news-text.ts';

/**
 * Peak memory of `briefwire ingest` on one large text file, run as its own process the way a
 * user runs it, so the figure is the whole command's: reading, cleaning, analysing (the first
 * LIMITS.analysedChars of it) and storing. The peak resident set size comes from a hook loaded
 * with `node --import` (bench/peak-rss.mjs), which works wherever Node does.
 */

const BIN = fileURLToPath(new URL('../bin/briefwire.js', import.meta.url));
const HOOK = new URL('./peak-rss.mjs', import.meta.url).href;

export interface IngestMemory {
  fileBytes: number;
  /** Peak resident set size of the ingest process, in MB (10^6 bytes). */
  peakRssMB: number;
  seconds: number;
  exitCode: number | null;
  /** Did the command report the file as stored? */
  stored: boolean;
}

/** A news-like .txt file of exactly `bytes` bytes: a title line, then paragraphs. */
export function articleFile(bytes: number): Buffer {
  const { title, text } = newsArticle(bytes, 11);
  const full = Buffer.from(`${title}\n\n${text}`, 'utf8');
  let cut = Math.min(bytes, full.length);
  // Back to the start of a UTF-8 character, then pad with spaces to the exact size.
  while (cut > 0 && ((full[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return Buffer.concat([full.subarray(0, cut), Buffer.alloc(bytes - cut, 0x20)]);
}

export function ingestMemory(bytes: number): IngestMemory {
  const dir = mkdtempSync(join(tmpdir(), 'briefwire-bench-ingest-'));
  try {
    const file = join(dir, 'long-article.txt');
    writeFileSync(file, articleFile(bytes));
    const rssFile = join(dir, 'peak-rss-kb.txt');
    const t0 = performance.now();
    const child = spawnSync(
      process.execPath,
      ['--import', HOOK, BIN, 'ingest', file, '--db', join(dir, 'bench.db')],
      {
        env: { ...process.env, BRIEFWIRE_BENCH_RSS_FILE: rssFile },
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    const kb = Number(readFileSync(rssFile, 'utf8'));
    return {
      fileBytes: bytes,
      peakRssMB: (kb * 1024) / 1e6,
      seconds,
      exitCode: child.status,
      stored: /^stored\s/m.test(child.stdout ?? ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
