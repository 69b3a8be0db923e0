import { basename } from 'node:path';
import type { ParsedArticle } from '../model/article.ts';
import { BriefwireError } from '../model/errors.ts';
import { parseHtml } from './parse-html.ts';
import { type ParsedRecord, parseJson } from './parse-json.ts';
import { parseMarkdown, parseText } from './parse-text.ts';
import { formatOf, SUPPORTED_EXTENSIONS } from './sources.ts';

/**
 * One entry point from (path, content) to articles, dispatching on the extension. Whole-file
 * failures throw a BriefwireError naming the path (INPUT_EMPTY, INPUT_MALFORMED,
 * INPUT_UNSUPPORTED); per-record failures inside a JSON file come back as `problems`.
 */

export type { ParsedRecord } from './parse-json.ts';

export interface ParseResult {
  articles: ParsedArticle[];
  /** Records that could not be used while the rest of the file was (JSON only). */
  problems: BriefwireError[];
  /**
   * Articles and problems together in file order, each with its 0-based index in the file's
   * list of records (JSON arrays); index null for a file that is one article.
   */
  records: ParsedRecord[];
}

/**
 * A date in the file name ("memo-2022-11-17-….txt", "outlet_2016-09-12_….txt") dates an
 * article whose text gives none: archives are often named that way.
 */
export function dateFromFileName(path: string): string | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/.exec(
    basename(path),
  );
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(m[3]) ? null : d.toISOString();
}

export function parseInput(path: string, content: string): ParseResult {
  const result = parseByFormat(path, content);
  const fromName = dateFromFileName(path);
  if (fromName) for (const a of result.articles) a.publishedAt ??= fromName;
  return result;
}

function parseByFormat(path: string, content: string): ParseResult {
  const format = formatOf(path);
  if (format === null) {
    throw new BriefwireError(
      'INPUT_UNSUPPORTED',
      `${path}: unsupported extension (supported: ${SUPPORTED_EXTENSIONS.join(', ')})`,
      path,
    );
  }
  if (content.replace(/^\uFEFF/, '').trim() === '') {
    throw new BriefwireError('INPUT_EMPTY', `${path}: file is empty`, path);
  }
  switch (format) {
    case 'text':
      return single(parseText(path, content));
    case 'markdown':
      return single(parseMarkdown(path, content));
    case 'html':
      return single(parseHtml(path, content));
    case 'json':
      return parseJson(path, content);
  }
}

function single(article: ParsedArticle): ParseResult {
  return { articles: [article], problems: [], records: [{ index: null, article }] };
}

/**
 * The articles in one input. Throws when the file yields none; when some JSON records are
 * bad and others good, returns the good ones (use parseInput to report the bad ones).
 */
export function parseArticle(path: string, content: string): ParsedArticle[] {
  const { articles, problems } = parseInput(path, content);
  const first = problems[0];
  if (articles.length === 0 && first !== undefined) {
    if (problems.length === 1) throw first;
    const more = `${problems.length - 1} more record(s) also unusable`;
    throw new BriefwireError('INPUT_MALFORMED', `${first.message}; ${more}`, path, {
      cause: first,
    });
  }
  return articles;
}
