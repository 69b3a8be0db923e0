import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { buildBriefing } from '../src/briefing/build.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../src/cli/demo.ts';
import type { ParsedArticle } from '../src/ingest/article.ts';
import { parseInput } from '../src/ingest/parse.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import { analyzeText } from '../src/nlp/analyze.ts';
import { createStore } from '../src/store/create.ts';

/**
 * `npm run bench`: medians, each beside a baseline measured in the same process, because
 * this machine is shared and noisy. Inputs are the bundled demo articles, varied to make 50.
 */

async function median(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
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

/** 50 distinct articles: the demo ones with a numbered paragraph added, dated a day apart. */
function fifty(base: ParsedArticle[]): ParsedArticle[] {
  return Array.from({ length: 50 }, (_, i) => {
    const a = base[i % base.length]!;
    const day = new Date(Date.UTC(2026, 2, 1 + (i % 28), 12)).toISOString();
    return {
      ...a,
      url: null,
      publishedAt: day,
      text: `${a.text}\n\nUpdate ${i + 1}: Marrowby strike coverage continues.`,
    };
  });
}

const base = demoArticles();
const articles = fifty(base);
const sample = articles[0]!;

const analyse = await median(30, () => analyzeText(sample.title, sample.text));
const tagOnly = await median(30, () => nlp(sample.text).json({ offset: true }));

/** Throughput on news-length text (about 700 words: the demo articles' bodies end to end). */
const long = base.map((a) => a.text).join('\n\n');
const perSecond = async (work: () => unknown): Promise<number> => 1000 / (await median(15, work));
analyzeText('warm-up', long);
const oursRate = await perSecond(() => analyzeText('Marrowby', long));
const compromiseRate = await perSecond(() => nlp(long).json({ offset: true }));

const store = await createStore(':memory:');
await store.putArticles(articles.map((a, i) => prepareArticle(`bench-${i}`, a)));
const now = new Date(Date.UTC(2026, 2, 30));
const brief = await median(50, () =>
  buildBriefing(store, [], { topic: DEMO_TOPIC, since: 'all', now }),
);
const select = await median(50, () =>
  store.findArticles({ terms: { allOf: [['marrowby'], ['strike']] }, limit: 50 }),
);
await store.close();

const rows = [
  ['analyse one article (median ms)', analyse, 'compromise tagging alone', tagOnly],
  ['briefing from 50 stored articles (median ms)', brief, 'store selection alone', select],
] as const;
process.stdout.write(
  `full analysis, ${long.split(/\s+/).length}-word article (articles/s) ${oursRate.toFixed(1).padStart(8)}   compromise tagging alone: ${compromiseRate.toFixed(1)} /s   ratio ${(oursRate / compromiseRate).toFixed(2)}\n`,
);
for (const [what, ms, baseline, baseMs] of rows) {
  process.stdout.write(
    `${what.padEnd(46)} ${ms.toFixed(2).padStart(8)}   ${baseline}: ${baseMs.toFixed(2)} ms   ratio ${(ms / baseMs).toFixed(2)}\n`,
  );
}
