import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import type { ParsedArticle } from '../src/model/article.ts';

/**
 * `briefwire ingest` of a folder of news-length articles, run as its own process the way a user
 * runs it (start-up, worker threads on every core, full analysis and storage included), beside
 * compromise's `nlp(text).json()` alone on one core over the same texts. The texts are real:
 * the BBC and PolNeAR articles in ../shared/eval, repeated and shuffled (each copy ends with a
 * line of its own, so none is a duplicate); the demo articles when ../shared is absent.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/briefwire.js');
const EVAL = join(ROOT, '../shared/eval');

export interface IngestRate {
  articles: number;
  source: string;
  meanChars: number;
  seconds: number;
  articlesPerSecond: number;
  compromisePerSecond: number;
  ratio: number;
  threads: number;
  /** What bin/briefwire.js ran: the build (dist/) or the sources. */
  ran: 'build' | 'sources';
}

function realTexts(): { texts: string[]; source: string } | null {
  const bbc = join(EVAL, 'summaries/bbc-news-summary/article');
  const polnear = join(EVAL, 'quotes/polnear-dev/text');
  if (!existsSync(bbc) || !existsSync(polnear)) return null;
  const texts: string[] = [];
  for (const cat of readdirSync(bbc).sort())
    for (const f of readdirSync(join(bbc, cat)).sort())
      texts.push(readFileSync(join(bbc, cat, f), 'utf8'));
  for (const f of readdirSync(polnear).sort()) texts.push(readFileSync(join(polnear, f), 'utf8'));
  return { texts, source: `../shared/eval: ${texts.length} BBC and PolNeAR articles` };
}

export function ingestRate(count: number, demo: ParsedArticle[], baselineSample = 150): IngestRate {
  const real = realTexts();
  const { texts, source } = real ?? {
    texts: demo.map((a) => `${a.title}\n\n${a.text}`),
    source: `the ${demo.length} demo articles (../shared is absent)`,
  };
  const dir = mkdtempSync(join(tmpdir(), 'briefwire-bench-rate-'));
  try {
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    let seed = 20_261_206;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const chosen: string[] = [];
    for (let i = 0; i < count; i++) {
      const text = `${texts[Math.floor(next() * texts.length)]!.trim()}\n\nCopy ${i} for the ingest bench.\n`;
      chosen.push(text);
      writeFileSync(join(folder, `${String(i).padStart(6, '0')}.txt`), text);
    }
    // What users run: the compiled build, made fresh (as `npm install` does).
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [BIN, 'ingest', folder, '--db', join(dir, 'rate.db')], {
      encoding: 'utf8',
      env: { ...process.env, BRIEFWIRE_SOURCES: '' },
    });
    const seconds = (performance.now() - t0) / 1000;
    if (run.status !== 0) throw new Error(`bench: ingest failed: ${run.stderr.slice(-500)}`);
    const sample = chosen.slice(0, Math.min(baselineSample, count));
    for (const text of sample.slice(0, 5)) nlp(text).json();
    const b0 = performance.now();
    for (const text of sample) nlp(text).json();
    const compromisePerSecond = sample.length / ((performance.now() - b0) / 1000);
    const articlesPerSecond = count / seconds;
    return {
      articles: count,
      source,
      meanChars: Math.round(chosen.reduce((n, t) => n + t.length, 0) / count),
      seconds,
      articlesPerSecond,
      compromisePerSecond,
      ratio: articlesPerSecond / compromisePerSecond,
      threads: availableParallelism(),
      ran: existsSync(join(ROOT, 'dist/BUILT')) ? 'build' : 'sources',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `briefwire topics` as a process, start to exit, beside `node -e ''`: medians of `runs`. */
export function cliStart(runs: number): { topicsMs: number; nodeMs: number; ratio: number } {
  const dir = mkdtempSync(join(tmpdir(), 'briefwire-bench-start-'));
  try {
    const db = join(dir, 'start.db');
    const time = (args: string[]): number => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`bench: ${args.join(' ')} exited ${r.status}`);
      return performance.now() - t0;
    };
    time([BIN, 'topics', '--db', db]); // creates the store, so every timed run finds one
    const median = (args: string[]): number => {
      const t = Array.from({ length: runs }, () => time(args)).sort((a, b) => a - b);
      return t[Math.floor(t.length / 2)]!;
    };
    const nodeMs = median(['-e', '']);
    const topicsMs = median([BIN, 'topics', '--db', db]);
    return { topicsMs, nodeMs, ratio: topicsMs / nodeMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
