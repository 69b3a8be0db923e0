import { parentPort } from 'node:worker_threads';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import { analyzeText } from '../nlp/analyze.ts';
import type { AnalysisJob, AnalysisResult } from './analysis-pool.ts';

/** A worker thread of the analysis pool: analyses one article per message, in the order sent. */
const port = parentPort;
if (!port) throw new Error('analysis-worker.ts runs as a worker thread');
port.on('message', (job: AnalysisJob) => {
  let result: AnalysisResult;
  try {
    result = { id: job.id, analysis: analyzeText(job.title, job.text) };
  } catch (e) {
    const error =
      e instanceof BriefwireError
        ? { message: e.message, code: e.code, input: e.input }
        : { message: reasonOf(e) };
    result = { id: job.id, error };
  }
  port.postMessage(result);
});
