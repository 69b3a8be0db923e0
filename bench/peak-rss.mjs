/**
 * Loaded with `node --import` into a child process the bench runs (bench/ingest-memory.ts):
 * when the child exits, its peak resident set size in KB (process.resourceUsage().maxRSS)
 * is written to the file named by BRIEFWIRE_BENCH_RSS_FILE. Plain JavaScript, so it loads
 * before tsx registers its loader.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.BRIEFWIRE_BENCH_RSS_FILE;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
