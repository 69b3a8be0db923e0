import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The evaluation data next to the repository; `npm run eval` says so plainly when it is absent. */
export const sharedDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared');

export function requireShared(): string {
  if (!existsSync(resolve(sharedDir, 'eval'))) {
    process.stderr.write(
      `npm run eval needs the evaluation data at ${resolve(sharedDir, 'eval')}, which is missing.\n`,
    );
    process.exit(2);
  }
  return resolve(sharedDir, 'eval');
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
