import type { ParsedArticle } from '../model/article.ts';
import { BriefwireError } from '../model/errors.ts';
import { cleanBlocks, splitBlocks, titleFromText } from './clean.ts';
import { parseDate } from './dates.ts';
import { htmlFragmentToParagraphs, stripSiteName } from './parse-html.ts';

/**
 * JSON inputs: one article object, an array of them, or `{articles: [...]}`. A bad record
 * does not sink the file: the good records come back as articles and each bad one as a
 * problem naming the file and the record's place in it.
 *
 * Records are numbered one way everywhere: by their 0-based index in the list, as JSON and
 * jq number them. A problem's message says `record [3]` (or `record articles[3]`), and the
 * report names that record, stored or failed, `file.json#3`.
 */

/** One record's outcome: an article or why it is not one, with its index in the list. */
export type ParsedRecord =
  | { index: number | null; article: ParsedArticle }
  | { index: number | null; problem: BriefwireError };

export interface JsonParseResult {
  articles: ParsedArticle[];
  /** One INPUT_MALFORMED error per record that could not be used, in file order. */
  problems: BriefwireError[];
  /** Every record in file order; index null when the file is one article object. */
  records: ParsedRecord[];
}

const TEXT_FIELDS = ['text', 'body', 'content'] as const;
const URL_FIELDS = ['url', 'link'] as const;
const DATE_FIELDS = ['publishedAt', 'published_at', 'date'] as const;
const SOURCE_FIELDS = ['source', 'site'] as const;

export function parseJson(path: string, content: string): JsonParseResult {
  const root = parseOrExplain(path, content);
  const { records, where, listed } = recordsOf(path, root);
  if (records.length === 0) {
    throw new BriefwireError('INPUT_EMPTY', `${path}: the JSON holds no articles`, path);
  }
  const articles: ParsedArticle[] = [];
  const problems: BriefwireError[] = [];
  const outcomes: ParsedRecord[] = [];
  records.forEach((record, i) => {
    const index = listed ? i : null;
    const result = parseRecord(record);
    if (typeof result === 'string') {
      const problem = new BriefwireError('INPUT_MALFORMED', `${path}: ${where(i)} ${result}`, path);
      problems.push(problem);
      outcomes.push({ index, problem });
    } else {
      articles.push(result);
      outcomes.push({ index, article: result });
    }
  });
  return { articles, problems, records: outcomes };
}

function parseOrExplain(path: string, content: string): unknown {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new BriefwireError('INPUT_EMPTY', `${path}: file is empty`, path);
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new BriefwireError(
      'INPUT_MALFORMED',
      `${path}: invalid JSON${locate(text, reason)}: ${reason.replace(/\s*(?:\(line \d+ column \d+\)|in JSON at position \d+)$/, '')}`,
      path,
      { cause: e },
    );
  }
}

/** " at line 3, column 7" from V8's "… at position 42" (Node 20 has no line numbers). */
function locate(text: string, reason: string): string {
  const lineCol = /\(line (\d+) column (\d+)\)/.exec(reason);
  if (lineCol) return ` at line ${lineCol[1]}, column ${lineCol[2]}`;
  const pos = /position (\d+)/.exec(reason);
  let offset = pos?.[1] === undefined ? -1 : Number(pos[1]);
  if (offset < 0 && /unexpected end/i.test(reason)) offset = text.length;
  if (offset < 0) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

function recordsOf(
  path: string,
  root: unknown,
): { records: unknown[]; where: (i: number) => string; listed: boolean } {
  if (Array.isArray(root)) return { records: root, where: (i) => `record [${i}]`, listed: true };
  if (isObject(root)) {
    if (Array.isArray(root.articles)) {
      return { records: root.articles, where: (i) => `record articles[${i}]`, listed: true };
    }
    return { records: [root], where: () => 'the article', listed: false };
  }
  throw new BriefwireError(
    'INPUT_MALFORMED',
    `${path}: expected an article object, an array of them, or {"articles": [...]}, found ${describe(root)}`,
    path,
  );
}

/** The article, or why the record cannot be one. */
function parseRecord(record: unknown): ParsedArticle | string {
  if (!isObject(record)) return `is ${describe(record)}, not an article object`;
  const body = firstString(record, TEXT_FIELDS);
  if (body === null) return 'has no text (expected a non-empty "text", "body" or "content" string)';
  const source = firstString(record, SOURCE_FIELDS);
  const givenTitle = firstString(record, ['title', 'headline']);
  const title = givenTitle === null ? null : stripSiteName(givenTitle, source);
  const blocks = looksLikeHtml(body) ? htmlFragmentToParagraphs(body) : splitBlocks(body);
  const cleaned = cleanBlocks(blocks, { inferTitle: title === null, knownTitle: title });
  const text = cleaned.paragraphs.join('\n\n');
  if (text.trim() === '') return 'has no article text once boilerplate is removed';
  const rawDate = DATE_FIELDS.map((k) => record[k]).find((v) => v !== undefined && v !== null);
  return {
    title: title ?? cleaned.title ?? titleFromText(text),
    text,
    publishedAt: parseDate(rawDate) ?? cleaned.publishedAt,
    source,
    url: firstString(record, URL_FIELDS),
  };
}

function looksLikeHtml(s: string): boolean {
  // No `[^>]*>` after the name: on "<p <p <p …" with no ">" that backtracks quadratically.
  return /<(?:p|div|br|h[1-6]|li|blockquote|article|section)\b/i.test(s);
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
