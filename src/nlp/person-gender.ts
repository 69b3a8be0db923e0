import type { NameSpan } from './name-span.ts';
import type { Token } from './text/tokens.ts';

/** A person's gender as the article shows it: a courtesy title, or a first name's usual gender. */
export type Gender = 'male' | 'female' | 'unknown';

const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'madam', 'mme', 'dame', 'lady']);
const MALE_TITLES = new Set(['mr', 'sir', 'lord']);

/** The gender a courtesy title right before the name gives it ("Mrs. Ruiz"), if any. */
export function titleGender(tokens: Token[], span: NameSpan): Gender {
  const title = tokens[span.first - 1]?.lower.replace(/\.$/, '') ?? '';
  if (FEMALE_TITLES.has(title)) return 'female';
  if (MALE_TITLES.has(title)) return 'male';
  return 'unknown';
}

/** Two genders that could be one person's: equal, or one of them unknown. */
export function compatible(a: Gender, b: Gender): boolean {
  return a === 'unknown' || b === 'unknown' || a === b;
}

export function genderOf(tokens: Token[], span: NameSpan): Gender {
  const titled = titleGender(tokens, span);
  if (titled !== 'unknown') return titled;
  const firstToken = tokens[span.first]!;
  if (firstToken.tags.has('MaleName')) return 'male';
  if (firstToken.tags.has('FemaleName')) return 'female';
  return 'unknown';
}
