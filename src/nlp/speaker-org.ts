import { LIMITS } from '../model/limits.ts';

/**
 * An organisation speaker the recogniser cut short: "Joint Committee" of "the Joint Committee
 * on Harbour Safety", or "Harbour Safety" of the same. The name grows over "on/of/for" only
 * when the part before it ends in a body's head noun, so "the Gazette on Tuesday" stays whole.
 */
const HEAD_NOUNS =
  'Committee|Commission|Council|Board|Department|Ministry|Institute|Office|Agency|Association|' +
  'Federation|Union|Society|Centre|Center|Bureau|Authority|Foundation|League|Court|Tribunal|' +
  'Panel|Subcommittee|Secretariat|Directorate|Service|Organisation|Organization|Coalition|' +
  'Alliance|Academy|Chamber|Corporation|Fund|Bank|School|College|University|Party';

/** Capitalised words that say when, not which body: "the Council on Friday". */
const WHEN =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|' +
  'June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|' +
  'Oct|Nov|Dec|Today|Tonight|Tomorrow|Yesterday';

const WORD = "\\p{Lu}[\\p{L}'’-]*";
const NAME_WORD = `(?!(?:${WHEN})(?!\\p{L}))${WORD}`;
const TAIL = `${NAME_WORD}(?:\\s(?:and\\s|&\\s)?${NAME_WORD})*`;
const CONNECTOR = '(?:on|of|for)\\s(?:the\\s)?';

function escaped(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The full name of organisation `name` as written between `from` and `to`, else `name`. */
export function fullOrganisationName(text: string, from: number, to: number, name: string): string {
  const window = text.slice(from, to);
  const head = `(?:${WORD}\\s)*(?:${HEAD_NOUNS})`;
  const endsInHead = new RegExp(`(?:${HEAD_NOUNS})$`, 'u').test(name);
  const pattern = new RegExp(
    `(?<!\\p{L})(?:(${head}\\s${CONNECTOR}(?:${WORD}\\s(?:(?:and|&)\\s)?)*))?${escaped(name)}(?!\\p{L})` +
      (endsInHead ? `(\\s${CONNECTOR}${TAIL})?` : '()'),
    'u',
  );
  const m = pattern.exec(window);
  if (!m || (!m[1] && !m[2])) return name;
  // "The" opens a sentence, and an owner ("the Assembly’s Joint Committee …") is no part of the name.
  const full = m[0].replace(/^(?:The\s|\p{Lu}[\p{L}-]*[’']s\s)/u, '');
  return full.length > LIMITS.actorNameChars ? name : full;
}
