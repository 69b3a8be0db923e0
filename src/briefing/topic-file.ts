import { readFileSync, statSync } from 'node:fs';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import { LIMITS } from '../model/limits.ts';
import type { TermQuery } from '../store/ports/articles.ts';
import { parseWindow } from './window.ts';

/**
 * One topic file in briefings/: read safely and checked field by field. A file is either
 * wholly valid or refused with TOPIC_INVALID naming the file, the field and why; nothing in
 * it is guessed at, because a topic that quietly matches every article is worse than none.
 *
 * `allOf` groups must each match (a group matches when any of its phrases does), `anyOf` is
 * one more such group, `aliases` maps a phrase to other ways of saying it (applied to every
 * phrase), `exclude` leaves out articles with any of its phrases, `window` is the default
 * window ("7d"). Fields starting with `$` or `_` are notes (such as `$schema`) and ignored.
 */
export interface TopicDefinition {
  title: string;
  description: string | null;
  terms: TermQuery;
  window: string;
}

export const DEFAULT_WINDOW = '7d';

const FIELDS = ['title', 'description', 'allOf', 'anyOf', 'aliases', 'exclude', 'window'];
/** The article index keeps only letters and digits; a phrase without any can never match. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a title is one line of plain text
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** What went wrong, before it is tied to a file: the field and the reason. */
class FieldProblem extends Error {
  constructor(
    readonly field: string,
    why: string,
  ) {
    super(why);
  }
}

/** Reads a topic file's text: a regular file (a FIFO would block) of at most LIMITS.fileBytes. */
export function readTopicFile(path: string): string {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw invalidFile(path, 'is not a regular file');
    if (stat.size > LIMITS.fileBytes)
      throw invalidFile(path, `is ${stat.size} bytes, more than the ${LIMITS.fileBytes} allowed`);
    return readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof BriefwireError) throw e;
    throw invalidFile(path, `cannot be read (${reasonOf(e)})`);
  }
}

/** Checks one topic file's JSON; errors name the file, the field and why. */
export function parseTopicDefinition(path: string, raw: string): TopicDefinition {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw invalidFile(path, `not valid JSON (${reasonOf(e)})`);
  }
  try {
    return definitionOf(data);
  } catch (e) {
    if (e instanceof FieldProblem) throw invalidFile(path, `"${e.field}" ${e.message}`);
    throw e;
  }
}

export function invalidFile(path: string, why: string): BriefwireError {
  return new BriefwireError('TOPIC_INVALID', `${path}: ${why}`, path);
}

function definitionOf(data: unknown): TopicDefinition {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new FieldProblem('(file)', 'must be a JSON object such as {"title": …, "anyOf": […]}');
  const fields = data as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!FIELDS.includes(key) && !/^[$_]/.test(key))
      throw new FieldProblem(key, `is not a topic field (known: ${FIELDS.join(', ')})`);
  }
  const { title, description, allOf, anyOf, aliases, exclude, window } = fields;
  if (typeof title !== 'string' || !title.trim() || CONTROL.test(title))
    throw new FieldProblem('title', 'must be one line of text');
  if (description !== undefined && description !== null && typeof description !== 'string')
    throw new FieldProblem('description', 'must be text');
  const groups = [
    ...termGroups('allOf', allOf),
    ...(anyOf === undefined ? [] : [phrases('anyOf', anyOf)]),
  ];
  if (groups.length === 0)
    throw new FieldProblem('allOf', 'or "anyOf" must give the words an article has to contain');
  const excluded = exclude === undefined ? [] : phrases('exclude', exclude, true);
  const alias = aliasMap(aliases);
  const terms: TermQuery = { allOf: groups.map((g) => expandAliases(g, alias)) };
  if (excluded.length) terms.noneOf = expandAliases(excluded, alias);
  return {
    title: title.trim(),
    description: typeof description === 'string' ? description : null,
    terms,
    window: windowOf(window),
  };
}

function termGroups(field: string, value: unknown): string[][] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0)
    throw new FieldProblem(field, 'must be a list of groups, each a non-empty list of phrases');
  return value.map((group, i) => phrases(`${field}[${i}]`, group));
}

/** A list of phrases, each with a letter or digit; empty only where that means "none" (exclude). */
function phrases(field: string, value: unknown, mayBeEmpty = false): string[] {
  if (!Array.isArray(value)) throw new FieldProblem(field, 'must be a list of phrases');
  if (value.length === 0 && !mayBeEmpty)
    throw new FieldProblem(field, 'is empty: a group of no phrases would match every article');
  value.forEach((p, i) => {
    if (typeof p !== 'string' || !WORD_CHAR.test(p))
      throw new FieldProblem(
        `${field}[${i}]`,
        'must be a phrase with at least one letter or digit (an empty one would match every article)',
      );
  });
  return value as string[];
}

function aliasMap(value: unknown): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new FieldProblem('aliases', 'must map a phrase to a list of phrases');
  for (const [phrase, alternatives] of Object.entries(value)) {
    if (!WORD_CHAR.test(phrase))
      throw new FieldProblem('aliases', `"${phrase}" is not a phrase with a letter or digit`);
    if (!Array.isArray(alternatives))
      throw new FieldProblem('aliases', `"${phrase}" must map to a list of phrases`);
    const listed = phrases(`aliases.${phrase}`, alternatives, true);
    out.set(
      phrase.toLowerCase(),
      listed.map((a) => a.toLowerCase()),
    );
  }
  return out;
}

/** Lowercased phrases with their aliases, each once, in first-seen order. */
function expandAliases(list: string[], aliases: Map<string, string[]>): string[] {
  const out = new Set<string>();
  for (const p of list) {
    const lower = p.toLowerCase();
    out.add(lower);
    for (const a of aliases.get(lower) ?? []) out.add(a);
  }
  return [...out];
}

function windowOf(value: unknown): string {
  if (value === undefined) return DEFAULT_WINDOW;
  if (typeof value === 'string') {
    try {
      parseWindow(value, new Date());
      return value.trim();
    } catch {
      // Reported below with the topic file's wording.
    }
  }
  throw new FieldProblem(
    'window',
    `must be a time window such as "24h", "7d", "2w", a date such as "2026-11-01", or "all" (got ${JSON.stringify(value)})`,
  );
}
