import { BriefwireError } from '../model/errors.ts';

/** Parses a window ("24h", "7d", "2w", "2026-11-01", "all") into an ISO start relative to `now`. */
export interface ParsedWindow {
  since: string | null;
  label: string;
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

export function parseWindow(value: string, now: Date): ParsedWindow {
  const v = value.trim().toLowerCase();
  if (v === 'all') return { since: null, label: 'all' };
  const rel = /^(\d{1,4})\s*([hdw])$/.exec(v);
  if (rel) {
    const ms = Number(rel[1]) * (UNIT_MS[rel[2]!] ?? 0);
    if (ms <= 0) throw windowError(value);
    return { since: new Date(now.getTime() - ms).toISOString(), label: v };
  }
  if (/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?$/.test(v)) {
    const d = new Date(v.length === 10 ? `${v}T00:00:00Z` : v.replace(' ', 'T'));
    if (!Number.isNaN(d.getTime())) return { since: d.toISOString(), label: v };
  }
  throw windowError(value);
}

function windowError(value: string): BriefwireError {
  return new BriefwireError(
    'USAGE',
    `"${value}" is not a time window: use 24h, 7d, 2w, a date such as 2026-11-01, or all`,
    value,
  );
}
