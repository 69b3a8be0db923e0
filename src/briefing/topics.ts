import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import { lookupPlace, placeForms } from '../nlp/text/places.ts';
import type { TermQuery } from '../store/ports/articles.ts';
import { closeMatches } from './similar.ts';
import { DEFAULT_WINDOW, invalidFile, parseTopicDefinition, readTopicFile } from './topic-file.ts';

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

/**
 * Topic files that exist but are invalid, by slug, for each list loadTopics returned. The list
 * goes everywhere topics do (commands, the scheduler), so resolving such a slug can say its file
 * is invalid instead of quietly briefing on the slug's words.
 */
const invalidFiles = new WeakMap<readonly Topic[], ReadonlyMap<string, BriefwireError>>();

/** Reads and validates one topic file; errors name the file and the field. */
export function parseTopicFile(slug: string, path: string, raw: string): Topic {
  if (!SLUG.test(slug))
    throw invalidFile(
      path,
      `"${slug}" is not a topic name: name the file in lowercase letters, digits and dashes, such as harbour-strike.json`,
    );
  return { slug, ...parseTopicDefinition(path, raw), defined: true };
}

/** All defined topics in a folder, by slug; a bad file is reported by path and skipped, the rest still load. */
export function loadTopics(dir: string): { topics: Topic[]; problems: BriefwireError[] } {
  const topics: Topic[] = [];
  const problems: BriefwireError[] = [];
  const invalid = new Map<string, BriefwireError>();
  invalidFiles.set(topics, invalid);
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (e) {
    // No folder means no defined topics; any other failure is worth a word.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      problems.push(invalidFile(dir, `the topics folder cannot be read (${reasonOf(e)})`));
    return { topics, problems };
  }
  for (const file of files) {
    const path = join(dir, file);
    const slug = file.replace(/\.json$/, '');
    try {
      topics.push(parseTopicFile(slug, path, readTopicFile(path)));
    } catch (e) {
      const problem =
        e instanceof BriefwireError ? e : invalidFile(path, `cannot be read (${reasonOf(e)})`);
      problems.push(problem);
      invalid.set(slug.toLowerCase(), problem);
    }
  }
  return { topics, problems };
}

/**
 * A slug as typed, accents dropped ("café" → "cafe"; NFKD splits a letter from its marks):
 * the full-text index ignores accents, so the unaccented slug finds the same articles.
 */
export function normaliseSlug(input: string): string {
  const slug = foldAccents(input).trim().toLowerCase().replace(/\s+/g, '-');
  if (!SLUG.test(slug)) {
    throw new BriefwireError(
      'TOPIC_INVALID',
      `"${input}" is not a topic name: use letters, digits and dashes, such as iran-uk`,
      input,
    );
  }
  return slug;
}

/**
 * A defined topic by slug, else an ad-hoc one built from the slug's words. A slug whose topic
 * file exists but is invalid is refused (TOPIC_INVALID, naming the file), not read as words.
 */
export function resolveTopic(input: string, defined: Topic[]): Topic {
  const slug = normaliseSlug(input);
  const found = defined.find((t) => t.slug === slug);
  if (found) return found;
  const invalid = invalidFiles.get(defined)?.get(slug);
  if (invalid) {
    // The reply may go to a chat channel: name the file, not the server's folders.
    const path = invalid.input ?? '';
    const reason = invalid.message.startsWith(`${path}: `)
      ? invalid.message.slice(path.length + 2)
      : invalid.message;
    throw new BriefwireError(
      'TOPIC_INVALID',
      `The topic file for "${slug}" (${basename(path)}) is invalid, so that topic is not loaded: ${reason}`,
      path,
    );
  }
  const groups = adHocGroups(slug.split('-').filter(Boolean));
  // The title keeps the accents the slug dropped ("café" is titled Café).
  const typed = new Map(
    input
      .normalize('NFC')
      .toLowerCase()
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((w) => [foldAccents(w), w]),
  );
  return {
    slug,
    title: groups.map((g) => titleCase(g[0]!, typed.get(g[0]!))).join(' · '),
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

/**
 * Slug words written in capitals in a title. A short word is not an acronym by its length
 * ("gun", "tax", "art"), so only these well-known ones, and letter-digit codes such as g7.
 */
const ACRONYMS = new Set([
  'uk',
  'us',
  'usa',
  'eu',
  'un',
  'uae',
  'nato',
  'nhs',
  'bbc',
  'imf',
  'fbi',
  'cia',
  'nasa',
  'ai',
]);
const LETTER_CODE = /^[a-z]{1,2}\d+$/;

function titleCase(word: string, asTyped = word): string {
  const place = lookupPlace(word);
  if (place && place.form !== 'capital') return place.country;
  if (ACRONYMS.has(word) || LETTER_CODE.test(word)) return word.toUpperCase();
  return asTyped[0]!.toUpperCase() + asTyped.slice(1);
}

function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
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
