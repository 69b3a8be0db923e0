import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefwireError } from '../model/errors.ts';
import { lookupPlace, placeForms } from '../nlp/text/places.ts';
import type { TermQuery } from '../store/ports/articles.ts';
import { closeMatches } from './similar.ts';

/**
 * Topics: defined ones from the briefings/ folder (one JSON file a topic), and ad-hoc slugs
 * such as "iran-uk" that resolve to their words with alias expansion (uk ↔ united kingdom ↔
 * britain ↔ british).
 */
export interface Topic {
  slug: string;
  title: string;
  description: string | null;
  terms: TermQuery;
  /** Default window ("7d"). */
  window: string;
  /** True when the topic comes from a file in briefings/. */
  defined: boolean;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DEFAULT_WINDOW = '7d';

/**
 * A topic file: `allOf` groups must each match (a group matches when any of its phrases
 * does), `anyOf` is one more such group, `aliases` maps a phrase to other ways of saying it
 * (applied to every phrase), `exclude` leaves out articles with any of its phrases.
 */
export interface TopicFile {
  title?: unknown;
  description?: unknown;
  allOf?: unknown;
  anyOf?: unknown;
  aliases?: unknown;
  exclude?: string[];
  window?: unknown;
}

function parseAliases(
  value: unknown,
  bad: (field: string, why: string) => BriefwireError,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (value === undefined) return out;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw bad('aliases', 'must map a phrase to a list of phrases');
  for (const [phrase, alternatives] of Object.entries(value)) {
    if (!isPhraseList(alternatives))
      throw bad('aliases', `"${phrase}" must map to a list of phrases`);
    out.set(
      phrase.toLowerCase(),
      alternatives.map((a) => a.toLowerCase()),
    );
  }
  return out;
}

/** Lowercased phrases with their aliases, each once, in first-seen order. */
function expandAliases(phrases: string[], aliases: Map<string, string[]>): string[] {
  const out = new Set<string>();
  for (const p of phrases) {
    const lower = p.toLowerCase();
    out.add(lower);
    for (const a of aliases.get(lower) ?? []) out.add(a);
  }
  return [...out];
}

function isPhraseList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((p) => typeof p === 'string' && p.trim() !== '');
}

/** Reads and validates one topic file; errors name the file and the field. */
export function parseTopicFile(slug: string, path: string, raw: string): Topic {
  let data: TopicFile;
  try {
    data = JSON.parse(raw) as TopicFile;
  } catch (e) {
    throw new BriefwireError(
      'TOPIC_INVALID',
      `${path}: not valid JSON (${(e as Error).message})`,
      path,
    );
  }
  const bad = (field: string, why: string): BriefwireError =>
    new BriefwireError('TOPIC_INVALID', `${path}: "${field}" ${why}`, path);
  if (typeof data.title !== 'string' || !data.title.trim())
    throw bad('title', 'must be a non-empty string');
  const hasAllOf = Array.isArray(data.allOf) && data.allOf.length > 0;
  if (data.allOf !== undefined && (!Array.isArray(data.allOf) || !data.allOf.every(isPhraseList))) {
    throw bad('allOf', 'must be a list of groups, each a non-empty list of phrases');
  }
  if (data.anyOf !== undefined && !isPhraseList(data.anyOf))
    throw bad('anyOf', 'must be a list of phrases');
  if (!hasAllOf && !(Array.isArray(data.anyOf) && data.anyOf.length > 0)) {
    throw bad('allOf', 'or "anyOf" must give the words an article has to contain');
  }
  if (data.exclude !== undefined && !isPhraseList(data.exclude))
    throw bad('exclude', 'must be a list of phrases');
  if (data.window !== undefined && typeof data.window !== 'string')
    throw bad('window', 'must be a string such as "7d"');
  const aliases = parseAliases(data.aliases, bad);
  const groups = [
    ...((data.allOf as string[][] | undefined) ?? []),
    ...(data.anyOf ? [data.anyOf as string[]] : []),
  ];
  const terms: TermQuery = { allOf: groups.map((g) => expandAliases(g, aliases)) };
  if (data.exclude?.length) terms.noneOf = expandAliases(data.exclude, aliases);
  return {
    slug,
    title: data.title.trim(),
    description: typeof data.description === 'string' ? data.description : null,
    terms,
    window: data.window ?? DEFAULT_WINDOW,
    defined: true,
  };
}

/** All defined topics in a folder, by slug; a broken file is reported, the rest still load. */
export function loadTopics(dir: string): { topics: Topic[]; problems: BriefwireError[] } {
  const topics: Topic[] = [];
  const problems: BriefwireError[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return { topics, problems };
  }
  for (const file of files) {
    const path = join(dir, file);
    try {
      topics.push(parseTopicFile(file.replace(/\.json$/, ''), path, readFileSync(path, 'utf8')));
    } catch (e) {
      problems.push(
        e instanceof BriefwireError
          ? e
          : new BriefwireError('TOPIC_INVALID', `${path}: ${String(e)}`, path),
      );
    }
  }
  return { topics, problems };
}

export function normaliseSlug(input: string): string {
  const slug = input.trim().toLowerCase().replace(/\s+/g, '-');
  if (!SLUG.test(slug)) {
    throw new BriefwireError(
      'TOPIC_INVALID',
      `"${input}" is not a topic name: use letters, digits and dashes, such as iran-uk`,
      input,
    );
  }
  return slug;
}

/** A defined topic by slug, else an ad-hoc one built from the slug's words. */
export function resolveTopic(input: string, defined: Topic[]): Topic {
  const slug = normaliseSlug(input);
  const found = defined.find((t) => t.slug === slug);
  if (found) return found;
  const groups = adHocGroups(slug.split('-').filter(Boolean));
  return {
    slug,
    title: groups.map((g) => titleCase(g[0]!)).join(' · '),
    description: null,
    terms: { allOf: groups },
    window: DEFAULT_WINDOW,
    defined: false,
  };
}

/** Greedy: the longest run of words that names a country becomes one group with its aliases. */
function adHocGroups(words: string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < words.length; ) {
    let taken = 1;
    let group = [words[i]!];
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const aliases = placeAliases(phrase);
      if (aliases) {
        taken = n;
        group = aliases;
        break;
      }
    }
    groups.push(group);
    i += taken;
  }
  return groups;
}

function placeAliases(phrase: string): string[] | null {
  const match = lookupPlace(phrase);
  if (!match || match.form === 'capital') return null;
  return [phrase, ...countryForms(match.country)].filter((v, i, all) => all.indexOf(v) === i);
}

function countryForms(country: string): string[] {
  return placeForms(country).map((f) => f.toLowerCase());
}

function titleCase(word: string): string {
  const place = lookupPlace(word);
  if (place && place.form !== 'capital') return place.country;
  return word.length <= 3 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1);
}

export function unknownTopicError(input: string, defined: Topic[]): BriefwireError {
  const near = closeMatches(
    input,
    defined.map((t) => t.slug),
  );
  const hint = near.length
    ? ` Close matches: ${near.join(', ')}.`
    : defined.length
      ? ` Defined topics: ${defined.map((t) => t.slug).join(', ')}.`
      : '';
  return new BriefwireError(
    'TOPIC_UNKNOWN',
    `No stored article matches topic "${input}".${hint}`,
    input,
  );
}
