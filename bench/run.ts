import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nlp from 'compromise';
import { buildBriefing } from '../src/briefing/build.ts';
import { overlaps, shingles } from '../src/briefing/shingles.ts';
import { clusterCopies, clusterStories } from '../src/briefing/stories.ts';
import { loadTopics } from '../src/briefing/topics.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../src/config.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { parseInput } from '../src/ingest/parse.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import type { ParsedArticle } from '../src/model/article.ts';
import { analyzeText } from '../src/nlp/analyze.ts';
import { createStore } from '../src/store/create.ts';
import { analysisScaling, MAX_SCALING_RATIO } from './analysis-scaling.ts';
import { answerLatency } from './answer-latency.ts';
import { BENCH_STORIES, benchArticles } from './articles.ts';
import { commandAck } from './command-ack.ts';
import { feedPoll } from './feed-poll.ts';
import { printHeadline, TARGETS } from './headline.ts';
import { ingestMemory } from './ingest-memory.ts';
import { cliStart, ingestRate } from './ingest-rate.ts';
import { pageRender } from './page-render.ts';
import { postgresBench } from './postgres.ts';
import { sweepCost } from './scheduler-sweep.ts';
import { serveMemory } from './serve-memory.ts';

/**
 * `npm run bench [-- --quick] [-- --json]`: medians, each beside a baseline measured in the
 * same process, because this machine is shared and noisy. Inputs are the bundled demo
 * articles and fictional follow-ups, re-wrapped by several outlets to make 50
 * (bench/articles.ts); generated long articles for how analysis scales
 * (bench/analysis-scaling.ts); and a 10 MB text file ingested by the real command, for its
 * peak memory (bench/ingest-memory.ts); 200 local feeds of 20 full-text entries polled twice
 * through the safe fetcher into a SQLite store, the second time all 304 (bench/feed-poll.ts).
 * `--quick` does fewer runs and a smaller answer store;
 * `--json` ends stdout with one line: a JSON object of every figure.
 */

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => a !== '--quick' && a !== '--json');
if (unknown.length) {
  process.stderr.write(`bench: unknown option ${unknown.join(' ')} (use --quick, --json)\n`);
  process.exit(2);
}
const quick = args.has('--quick');
const json = args.has('--json');
/** Fewer runs with --quick, never fewer than three. */
const runs = (n: number): number => (quick ? Math.max(3, Math.ceil(n / 5)) : n);
/** Bytes of the file ingested for peak memory: under the 10 MiB file limit, so it is stored. */
const INGEST_BYTES = 10_000_000;
const MAX_INGEST_RSS_MB = 500;
/** Feeds polled, each on its own host, and their entries; about 3 KB of article text each. */
const FEED_SHAPE = quick
  ? { feeds: 50, entriesPerFeed: 10, entryChars: 3000 }
  : { feeds: 200, entriesPerFeed: 20, entryChars: 3000 };

async function median(count: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function demoArticles(): ParsedArticle[] {
  const out: ParsedArticle[] = [];
  for (const name of readdirSync(DEMO_ARTICLES).sort()) {
    const path = join(DEMO_ARTICLES, name);
    out.push(...parseInput(path, readFileSync(path, 'utf8')).articles);
  }
  return out;
}

const base = demoArticles();
const articles = benchArticles(base);
const sample = articles[0]!;

const analyse = await median(runs(30), () => analyzeText(sample.title, sample.text));
const tagOnly = await median(runs(30), () => nlp(sample.text).json({ offset: true }));

/** Throughput on news-length text (about 700 words: the demo articles' bodies end to end). */
const long = base.map((a) => a.text).join('\n\n');
const perSecond = async (work: () => unknown): Promise<number> =>
  1000 / (await median(runs(15), work));
analyzeText('warm-up', long);
const oursRate = await perSecond(() => analyzeText('Marrowby', long));
const compromiseRate = await perSecond(() => nlp(long).json({ offset: true }));

const stores = await createStore(':memory:');
await stores.articles.putArticles(articles.map((a, i) => prepareArticle(`bench-${i}`, a)));
const now = new Date(Date.UTC(2026, 2, 30));
const brief = await median(runs(50), () =>
  buildBriefing(stores, [], { topic: DEMO_TOPIC, since: 'all', now }),
);
const recorded = await buildBriefing(stores, [], {
  topic: DEMO_TOPIC,
  since: 'all',
  now,
  record: true,
});
const webPage = await pageRender(stores, [], recorded.id!, median, runs(50));
const select = await median(runs(50), () =>
  stores.articles.findArticles({ terms: { allOf: [['marrowby'], ['strike']] }, limit: 50 }),
);
const stored = await stores.articles.findArticles({
  terms: { allOf: [['marrowby'], ['strike']] },
  limit: 50,
});
// The bench's articles are ten texts re-wrapped by several outlets: ten groups of copies,
// which event grouping may join further where two texts report one happening.
const copies = clusterCopies(stored).length;
const stories = clusterStories(stored).length;
if (stored.length !== 50 || copies !== BENCH_STORIES)
  throw new Error(
    `bench: expected 50 articles in ${BENCH_STORIES} copy groups, got ${stored.length} in ${copies}`,
  );
const cluster = await median(runs(50), () => clusterStories(stored));
/** The obvious way, for scale: a Set of shingles per article, intersected pair by pair. */
const naive = await median(runs(20), () => {
  const sets = stored.map((a) => new Set(shingles(a.text)));
  let shared = 0;
  for (let i = 0; i < sets.length; i++)
    for (let j = i + 1; j < sets.length; j++)
      for (const h of sets[i]!) if (sets[j]!.has(h)) shared++;
  return shared;
});
const counted = await median(runs(50), () => overlaps(stored.map((a) => shingles(a.text))));
// /brief as people send it, 50 at once on each platform, over these 50 articles.
const ack = await commandAck(stores, loadTopics(BUILTIN_TOPICS_DIR).topics, DEMO_TOPIC);
await stores.close();
/** Re-analysing the 50 articles from their text: what a briefing would cost without the store. */
const reanalyse = await median(runs(5), () => {
  for (const a of articles) analyzeText(a.title, a.text);
});
const serveDb = join(tmpdir(), `briefwire-bench-serve-${process.pid}.db`);
const answerCount = quick ? 10_000 : 100_000;
const answers = await answerLatency(articles, answerCount, quick ? 50 : 200, undefined, serveDb);
const memory = await (async () => {
  const store = await createStore(serveDb);
  await ingestPaths(store, [DEMO_ARTICLES], { threads: 0 });
  await store.close();
  try {
    return await serveMemory(serveDb, DEMO_TOPIC, 1000);
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${serveDb}${suffix}`, { force: true });
  }
})();
const rate = ingestRate(quick ? 300 : 2000, base);
const start = cliStart(quick ? 7 : 15);
const sweep = await sweepCost(1000, (count, work) => median(runs(count), work));
const scaling = await analysisScaling(median, quick);
const ingest = ingestMemory(INGEST_BYTES);
const feeds = await feedPoll(FEED_SHAPE, runs(15));
const onPostgres = quick
  ? await postgresBench(articles, median, runs, 10_000, 50)
  : await postgresBench(articles, median, runs, 100_000, 200);

const rows = [
  ['analyse one article (median ms)', analyse, 'compromise tagging alone', tagOnly],
  [
    'briefing from 50 stored, already-analysed articles (median ms)',
    brief,
    'store selection alone',
    select,
  ],
  [
    "that briefing's web page: rebuilt and rendered with signed links (median ms, target < 50)",
    webPage.pageMs,
    'the rebuild alone',
    webPage.rebuildMs,
  ],
  [
    `clustering those 50 articles (${copies} copy groups) into ${stories} events (median ms)`,
    cluster,
    'shingle overlaps alone',
    counted,
  ],
  [
    `digest sweep over ${sweep.subscriptions} subscriptions, nothing due (median ms)`,
    sweep.sweepMs,
    'reading every ledger, as before marks',
    sweep.ledgerReadsMs,
  ],
  [
    'shingle overlaps of those 50 articles (median ms)',
    counted,
    'a Set per article, pair by pair',
    naive,
  ],
] as const;
process.stdout.write(
  `full analysis, ${long.split(/\s+/).length}-word article (articles/s) ${oursRate.toFixed(1).padStart(8)}   compromise tagging alone: ${compromiseRate.toFixed(1)} /s   ratio ${(oursRate / compromiseRate).toFixed(2)}\n`,
);
for (const [what, ms, baseline, baseMs] of rows) {
  process.stdout.write(
    `${what.padEnd(64)} ${ms.toFixed(2).padStart(8)}   ${baseline}: ${baseMs.toFixed(2)} ms   ratio ${(ms / baseMs).toFixed(2)}\n`,
  );
}
process.stdout.write(
  `answer latency over ${answers.articles / 1000}k articles: p50 ${answers.p50.toFixed(2)} ms, p99 ${answers.p99.toFixed(2)} ms   sentence search alone: p50 ${answers.searchP50.toFixed(2)} ms, p99 ${answers.searchP99.toFixed(2)} ms   (${answers.questions} questions, ${answers.answered} answered; store built in ${answers.buildSeconds.toFixed(1)} s)\n`,
);
process.stdout.write(
  `  with a 20-article briefing looked in first: p50 ${answers.briefingP50.toFixed(2)} ms, p99 ${answers.briefingP99.toFixed(2)} ms\n`,
);
for (const size of scaling.sizes) {
  const what = `full analysis, generated ${size.chars / 1000} KB article (median ms of ${size.runs})`;
  process.stdout.write(`${what.padEnd(64)} ${size.medianMs.toFixed(1).padStart(8)}\n`);
}
process.stdout.write(
  `analysis time 1 MB / 10 KB: ${scaling.ratio.toFixed(1)}× (linear ≈ 100×, bar ${MAX_SCALING_RATIO}×)${scaling.ratio > MAX_SCALING_RATIO ? '  OVER THE BAR' : ''}\n`,
);
process.stdout.write(
  `ingest of a ${INGEST_BYTES / 1e6} MB .txt file: peak RSS ${ingest.peakRssMB.toFixed(0)} MB (bar ${MAX_INGEST_RSS_MB} MB), ${ingest.seconds.toFixed(1)} s, exit ${ingest.exitCode}, ${ingest.stored ? 'stored' : 'NOT STORED'}${ingest.peakRssMB >= MAX_INGEST_RSS_MB ? '  OVER THE BAR' : ''}\n`,
);
process.stdout.write(
  `first poll of ${feeds.feeds} local feeds × ${feeds.entriesPerFeed} full-text entries (${feeds.entryChars / 1000} KB each): ${(feeds.firstPollMs / 1000).toFixed(1)} s, ${feeds.articlesStored} articles stored, ${feeds.failedFeeds} feeds failed   (per host: ${feeds.perHostConcurrency} at once, ${feeds.perHostDelayMs} ms apart, the defaults)\n`,
);
process.stdout.write(
  `${`second poll, all ${feeds.feeds} feeds answering 304 (ms)`.padEnd(64)} ${feeds.secondPollMs.toFixed(2).padStart(8)}   target < ${feeds.targetMs} ms: ${feeds.targetMet ? 'met' : 'NOT MET'}   median of ${feeds.notModifiedRuns}: ${feeds.notModifiedMedianMs.toFixed(2)} ms   plain node:http, ${feeds.feeds} conditional GETs: ${feeds.rawConditionalMs.toFixed(2)} ms   ratio ${feeds.ratio.toFixed(2)}\n`,
);
if (onPostgres) {
  const a = onPostgres.answers;
  process.stdout.write(
    `on PostgreSQL (${onPostgres.server}): briefing from 50 stored articles ${onPostgres.briefingMs.toFixed(2)} ms (store selection alone ${onPostgres.storeSelectionMs.toFixed(2)} ms)\n`,
  );
  process.stdout.write(
    `on PostgreSQL: answer latency over ${a.articles / 1000}k articles: p50 ${a.p50.toFixed(2)} ms, p99 ${a.p99.toFixed(2)} ms   sentence search alone: p50 ${a.searchP50.toFixed(2)} ms, p99 ${a.searchP99.toFixed(2)} ms   (${a.questions} questions, ${a.answered} answered; store built in ${a.buildSeconds.toFixed(1)} s)\n`,
  );
} else {
  process.stdout.write(
    'on PostgreSQL: no server reachable (BRIEFWIRE_BENCH_POSTGRES), not measured\n',
  );
}
/** The figures of issue #19, each a ratio to (or beside) a baseline measured in this run. */
const headline = {
  ingest_articles_per_s: rate.articlesPerSecond,
  ingest_vs_compromise: rate.ratio,
  brief_speedup: reanalyse / brief,
  ask_over_fts_p50: answers.p50 / (answers.bareFtsP50 ?? Number.NaN),
  ask_over_fts_p99: answers.p99 / (answers.bareFtsP99 ?? Number.NaN),
  cli_start_over_node: start.ratio,
  rss_mb: memory.rssMB,
  command_ack_p99_ms: ack.p99,
};
printHeadline(headline, { rate, start, answers, memory, ack, reanalyse, brief, answerCount });
if (json) {
  const figures = {
    quick,
    analyseOneArticleMs: analyse,
    compromiseTaggingMs: tagOnly,
    longArticlesPerSecond: oursRate,
    compromiseArticlesPerSecond: compromiseRate,
    briefingMs: brief,
    storeSelectionMs: select,
    clusteringMs: cluster,
    shingleOverlapsMs: counted,
    naiveShingleOverlapsMs: naive,
    sweep,
    answers,
    analysisScaling: { ...scaling, maxRatio: MAX_SCALING_RATIO },
    ingestMemory: { ...ingest, maxPeakRssMB: MAX_INGEST_RSS_MB },
    feedPoll: feeds,
    postgres: onPostgres,
    ingestRate: rate,
    cliStart: start,
    serveMemory: memory,
    commandAck: ack,
    reanalyseFiftyMs: reanalyse,
    briefingPage: webPage,
  };
  process.stdout.write(
    `${JSON.stringify({ ...headline, quick, targets: TARGETS, details: figures })}\n`,
  );
}
