import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Half } from './split.ts';

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

/** One line of the `npm run eval` table. Figures are fractions in [0, 1] (ROUGE too). */
export interface EvalRow {
  measure: string;
  ours: number;
  /** The baseline computed in the same run, or null when there is none. */
  baseline: number | null;
  baselineName: string;
  /** The target as the issue states it, e.g. "≥ 0.92" or "≥ Lead-3 + 0.005". */
  target: string;
  /** Whether `ours` meets the target. */
  pass: boolean;
  /** The same figures on each half of the set (split.ts); absent for rows with no halves. */
  halves?: Record<Half, HalfFigure>;
}

/** One half's figures for a row. */
export interface HalfFigure {
  ours: number;
  baseline: number | null;
  pass: boolean;
}

/** What each evaluation module returns: its table rows and its full figures for the JSON. */
export interface EvalSection {
  name: string;
  rows: EvalRow[];
  details: unknown;
  /** A set written on tuning-half documents only: it has no check figures to print. */
  tuningOnly?: boolean;
}

/** A row with no baseline: a figure, and its target when it has one ("≥ 0.92"). */
export function figureRow(measure: string, ours: number, atLeast?: number): EvalRow {
  return {
    measure,
    ours,
    baseline: null,
    baselineName: '',
    target: atLeast === undefined ? '' : `≥ ${atLeast}`,
    pass: atLeast === undefined || ours >= atLeast,
  };
}
