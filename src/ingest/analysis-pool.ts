import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../model/analysis.ts';
import { BriefwireError, type ErrorCode } from '../model/errors.ts';
import { analyzeText } from '../nlp/analyze.ts';

/**
 * Where articles are analysed: on this thread, or in a pool of worker threads so a large
 * ingest uses every core. Each worker loads the NLP models once (about half a second), so a
 * pool pays off only for a batch of several articles; ingest.ts decides.
 */
export interface Analyser {
  analyse(title: string, text: string): Promise<Analysis>;
  /** Jobs sent and not yet answered: what ingest keeps below its window. */
  readonly pending: number;
  close(): Promise<void>;
}

export interface AnalysisJob {
  id: number;
  title: string;
  text: string;
}

export type AnalysisResult =
  | { id: number; analysis: Analysis }
  | { id: number; error: { message: string; code?: ErrorCode; input?: string | undefined } };

export const inlineAnalyser: Analyser = {
  analyse: async (title, text) => analyzeText(title, text),
  pending: 0,
  close: async () => {},
};

/** One worker per core by default. */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * The worker beside this module: the built .js as it is; the .ts source (when running the
 * sources) through tsx's tsImport, since a worker does not inherit the parent's loader.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./analysis-worker.js', import.meta.url));
  const entry = new URL('./analysis-worker.ts', import.meta.url).href;
  const api = tsxApi();
  const boot = `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true });
}

/** tsx's ESM API module (its CommonJS twin cannot load TypeScript in a worker). */
function tsxApi(): string {
  const resolved = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(resolved.replace(/\.cjs$/, '.mjs')).href;
}

export function createAnalysisPool(threads = defaultThreads()): Analyser {
  type Waiting = { job: AnalysisJob; resolve(a: Analysis): void; reject(e: unknown): void };
  const waiting = new Map<number, Waiting>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let broken: Error | null = null;

  const settle = (result: AnalysisResult, worker: Worker): void => {
    load.set(worker, (load.get(worker) ?? 1) - 1);
    const job = waiting.get(result.id);
    if (!job) return;
    waiting.delete(result.id);
    if ('analysis' in result) job.resolve(result.analysis);
    else {
      const { message, code, input } = result.error;
      job.reject(code ? new BriefwireError(code, message, input) : new Error(message));
    }
  };
  const inline = (w: Omit<Waiting, 'job'>, job: AnalysisJob): void => {
    try {
      w.resolve(analyzeText(job.title, job.text));
    } catch (e) {
      w.reject(e);
    }
  };
  const fail = (e: Error): void => {
    // A pool that cannot run (a worker that would not start, or died) hands its jobs, and every
    // later one, to this thread: slower, but no article is lost or waits forever.
    broken = e;
    const left = [...waiting.values()];
    waiting.clear();
    for (const w of left) inline(w, w.job);
  };

  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = startWorker();
    load.set(worker, 0);
    worker.on('message', (result: AnalysisResult) => settle(result, worker));
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0 && waiting.size > 0)
        fail(new Error(`an analysis worker stopped (exit ${code})`));
    });
    return worker;
  });

  return {
    analyse(title, text) {
      const id = nextId++;
      const job: AnalysisJob = { id, title, text };
      if (broken)
        return new Promise<Analysis>((resolve, reject) => inline({ resolve, reject }, job));
      // The least busy worker: a long article does not hold up the short ones behind it.
      const worker = workers.reduce((a, b) => ((load.get(b) ?? 0) < (load.get(a) ?? 0) ? b : a));
      load.set(worker, (load.get(worker) ?? 0) + 1);
      return new Promise<Analysis>((resolve, reject) => {
        waiting.set(id, { job, resolve, reject });
        worker.postMessage(job);
      });
    },
    get pending() {
      return waiting.size;
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
