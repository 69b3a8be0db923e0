import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pollFeeds } from '../src/ingest/feeds/poll.ts';
import { createFetcher, fetchSettings } from '../src/ingest/fetch/fetcher.ts';
import type { HostResolver } from '../src/ingest/fetch/port.ts';
import { createStore } from '../src/store/create.ts';
import type { FeedStore } from '../src/store/ports/feeds.ts';
import { BENCH_DOMAIN, type FeedShape, startFeedServer } from './feed-server.ts';

/**
 * Polling many feeds with the real parts: feeds added to a SQLite store in a tmp dir, polled
 * by pollFeeds through the safe fetcher (default timeouts, caps and per-host politeness) from
 * a local server (bench/feed-server.ts) where every feed is its own host. The first poll
 * reads, analyses and stores every entry; the polls after it all get 304. The baseline is the
 * same conditional requests sent with plain node:http (no address checks, no queue, no
 * store), as many at once as pollFeeds polls feeds, so the ratio is our overhead on a 304.
 */

/** The "Done when" of issue #14: a poll where all 200 feeds answer 304 within a second. */
export const NOT_MODIFIED_TARGET_MS = 1000;
/** pollFeeds polls this many feeds at once (CONCURRENT_FEEDS in src/ingest/feeds/poll.ts). */
const BASELINE_CONCURRENCY = 4;

export interface FeedPollFigures {
  feeds: number;
  entriesPerFeed: number;
  entryChars: number;
  /** Per-host politeness the fetcher ran with (the defaults). */
  perHostConcurrency: number;
  perHostDelayMs: number;
  firstPollMs: number;
  articlesStored: number;
  /** Entries not stored on the first poll (duplicates, partial or skipped), and failed feeds. */
  entriesNotStored: number;
  failedFeeds: number;
  /** The second poll, every feed answering 304. */
  secondPollMs: number;
  /** Median of `notModifiedRuns` all-304 polls, the second poll among them. */
  notModifiedMedianMs: number;
  notModifiedRuns: number;
  targetMs: number;
  targetMet: boolean;
  /** Median time of the same conditional requests over plain node:http. */
  rawConditionalMs: number;
  ratio: number;
}

/** Every *.bench.test name is this machine; anything else does not exist. */
const benchResolver: HostResolver = async (hostname) => {
  if (hostname.toLowerCase().endsWith(`.${BENCH_DOMAIN}`))
    return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`${hostname}: not a bench host`), { code: 'ENOTFOUND' });
};

/** One conditional GET with plain node:http, a new connection as the fetcher makes. */
function rawConditional(port: number, url: string, etag: string | null): Promise<number> {
  const { host, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host };
    if (etag) headers['if-none-match'] = etag;
    const req = request(
      { host: '127.0.0.1', port, path: pathname, headers, agent: false },
      (response) => {
        response.resume();
        response.once('end', () => resolve(response.statusCode ?? 0));
        response.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end();
  });
}

async function rawConditionals(
  port: number,
  feeds: ReadonlyArray<{ url: string; etag: string | null }>,
): Promise<number> {
  let next = 0;
  let notModified = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length) {
      const feed = feeds[next++]!;
      if ((await rawConditional(port, feed.url, feed.etag)) === 304) notModified += 1;
    }
  };
  await Promise.all(Array.from({ length: BASELINE_CONCURRENCY }, worker));
  return notModified;
}

function medianOf(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

async function addAll(feeds: FeedStore, urls: readonly string[]): Promise<void> {
  for (const url of urls) await feeds.add({ url, topic: null, everyMs: 15 * 60_000 });
}

export async function feedPoll(
  shape: FeedShape,
  notModifiedRuns: number,
): Promise<FeedPollFigures> {
  const server = await startFeedServer(shape);
  const dir = mkdtempSync(join(tmpdir(), 'briefwire-bench-feeds-'));
  const stores = await createStore(join(dir, 'bench.db'));
  try {
    const settings = fetchSettings(['127.0.0.1'], { lookup: benchResolver });
    const fetcher = createFetcher(settings);
    const deps = { fetcher, articles: stores.articles, feeds: stores.feeds, now: () => new Date() };
    await addAll(stores.feeds, server.urls);

    const first = await timed(() => pollFeeds(deps, { all: true }));
    const reports = first.value.map((p) => p.report);
    const articlesStored = reports.reduce((sum, r) => sum + r.new, 0);
    const failedFeeds = reports.filter((r) => r.status === 'failed').length;

    const pollTimes: number[] = [];
    for (let run = 0; run < notModifiedRuns; run++) {
      // Polls are minutes apart in use; wait out the per-host delay so it is not measured.
      await sleep(settings.perHostDelayMs + 50);
      const before = server.counts.notModified;
      const poll = await timed(() => pollFeeds(deps, { all: true }));
      const unchanged = poll.value.filter((p) => p.report.status === 'not-modified').length;
      if (unchanged !== shape.feeds || server.counts.notModified - before !== shape.feeds)
        throw new Error(`bench: expected ${shape.feeds} feeds not modified, got ${unchanged}`);
      pollTimes.push(poll.ms);
    }

    const validators = (await stores.feeds.list()).map((f) => ({ url: f.url, etag: f.etag }));
    const rawTimes: number[] = [];
    for (let run = 0; run < notModifiedRuns; run++) {
      const raw = await timed(() => rawConditionals(server.port, validators));
      if (raw.value !== shape.feeds)
        throw new Error(`bench: expected ${shape.feeds} raw 304s, got ${raw.value}`);
      rawTimes.push(raw.ms);
    }

    const notModifiedMedianMs = medianOf(pollTimes);
    const rawConditionalMs = medianOf(rawTimes);
    return {
      ...shape,
      perHostConcurrency: settings.perHostConcurrency,
      perHostDelayMs: settings.perHostDelayMs,
      firstPollMs: first.ms,
      articlesStored,
      entriesNotStored: shape.feeds * shape.entriesPerFeed - articlesStored,
      failedFeeds,
      secondPollMs: pollTimes[0]!,
      notModifiedMedianMs,
      notModifiedRuns,
      targetMs: NOT_MODIFIED_TARGET_MS,
      targetMet: pollTimes[0]! < NOT_MODIFIED_TARGET_MS,
      rawConditionalMs,
      ratio: notModifiedMedianMs / rawConditionalMs,
    };
  } finally {
    await stores.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
