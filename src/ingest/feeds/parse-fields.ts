import { createHash } from 'node:crypto';
import { parseDate } from '../dates.ts';
import { htmlToText } from './parse-repair.ts';
import type { FeedEntry } from './types.ts';

/**
 * Reading the feed library's output defensively: its objects mirror the document, so any field
 * may be missing or of another type than the format promises (a JSON Feed with a number for a
 * title). Every read goes through these guards.
 */

export type Fields = Readonly<Record<string, unknown>>;

export function record(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : null;
}

export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A non-blank string, trimmed; numbers (a JSON Feed id of 101) as their digits. */
export function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Atom's text constructs come as { value, type }; RSS's as strings. */
export function textValue(value: unknown): string | null {
  return text(value) ?? text(record(value)?.value);
}

/** A title as plain text: HTML titles (Atom type="html", RSS titles with markup) lose their tags. */
export function titleText(value: unknown): string | null {
  const raw = textValue(value);
  if (raw === null) return null;
  const type = text(record(value)?.type);
  const plain = type === 'text' ? raw : htmlToText(raw);
  return text(plain.replace(/\s+/g, ' '));
}

export function firstText(...values: unknown[]): string | null {
  for (const v of values) {
    const t = text(v);
    if (t !== null) return t;
  }
  return null;
}

/** ISO 8601 (UTC) or null; dates past the year 9999 are not dates. */
export function isoDate(...values: unknown[]): string | null {
  for (const v of values) {
    const s = text(v);
    if (s === null) continue;
    const iso = parseDate(s) ?? rfcOrIso(s);
    if (iso !== null) return iso;
  }
  return null;
}

function rfcOrIso(s: string): string | null {
  if (s.length > 80 || !/^(?:[A-Za-z]{3},?\s*)?\d{1,4}[\s-]/.test(s)) return null;
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1970 && year <= 9999 ? new Date(ms).toISOString() : null;
}

/** An absolute http(s) URL resolved against the bases (innermost first), or null. */
export function absoluteUrl(href: string | null, bases: readonly (string | null)[]): string | null {
  if (href === null) return null;
  let base: string | undefined;
  for (const b of [...bases].reverse()) {
    if (b === null) continue;
    try {
      base = new URL(b, base).href;
    } catch {
      // an unusable base is skipped, as browsers do
    }
  }
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The entry key: its GUID/id, else its link, else a hash of title and date (stable across polls). */
export function entryKey(id: string | null, entry: Omit<FeedEntry, 'key'>): string {
  if (id !== null) return id;
  if (entry.link !== null) return entry.link;
  // Without a title the teaser stands in for it, so untitled entries on one day stay apart.
  const parts = [entry.title ?? entry.summary ?? entry.contentText ?? '', entry.publishedAt ?? ''];
  return `sha256:${createHash('sha256').update(parts.join('\n')).digest('hex')}`;
}
