import pg from 'pg';
import { buildBriefing } from '../src/briefing/build.ts';
import { DEMO_TOPIC } from '../src/cli/demo.ts';
import { prepareArticle } from '../src/ingest/prepare.ts';
import type { ParsedArticle } from '../src/model/article.ts';
import { createStore } from '../src/store/create.ts';
import { type AnswerLatency, answerLatency } from './answer-latency.ts';

/**
 * The same figures on PostgreSQL, when a server is reachable: BRIEFWIRE_BENCH_POSTGRES (a
 * URL of a database the bench may create databases from), else the local server's postgres
 * database. Each figure runs on a database made for it and dropped after.
 */

export interface PostgresBench {
  server: string;
  briefingMs: number;
  storeSelectionMs: number;
  answers: AnswerLatency;
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs `work` on a new database on the server, dropped afterwards. */
async function onThrowaway<T>(
  admin: string,
  tag: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = `briefwire_bench_${tag}_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await client.end();
  }
}

export async function postgresBench(
  articles: ParsedArticle[],
  median: (count: number, work: () => unknown) => Promise<number>,
  runs: (n: number) => number,
  answerCount: number,
  questionCount: number,
): Promise<PostgresBench | null> {
  const admin = process.env.BRIEFWIRE_BENCH_POSTGRES ?? DEFAULT_URL;
  if (!(await reachable(admin))) return null;
  const { briefingMs, storeSelectionMs } = await onThrowaway(admin, 'brief', async (url) => {
    const stores = await createStore(url);
    try {
      await stores.articles.putArticles(articles.map((a, i) => prepareArticle(`bench-${i}`, a)));
      const now = new Date(Date.UTC(2026, 2, 30));
      return {
        briefingMs: await median(runs(50), () =>
          buildBriefing(stores, [], { topic: DEMO_TOPIC, since: 'all', now }),
        ),
        storeSelectionMs: await median(runs(50), () =>
          stores.articles.findArticles({ terms: { allOf: [['marrowby'], ['strike']] }, limit: 50 }),
        ),
      };
    } finally {
      await stores.close();
    }
  });
  const answers = await onThrowaway(admin, 'answers', (url) =>
    answerLatency(articles, answerCount, questionCount, () => createStore(url)),
  );
  const server = new URL(admin);
  return {
    server: `${server.hostname}:${server.port || '5432'}`,
    briefingMs,
    storeSelectionMs,
    answers,
  };
}
