import type { SpeakerContext } from './speaker-context.ts';
import { ROLE_NOUNS, TITLE_WORDS } from './text/lexicon.ts';
import type { Token } from './text/tokens.ts';

/**
 * The person an organisation, place or other person at token i only titles ("Harbour Board
 * chair Mara Quist", "Senate Minority Leader Tobin Ashgrove", "Quist campaign manager Edda
 * Rask"): that person, not the one before, is who acts. After a person a lower-case role
 * word must stand between ("Quist campaign chairman …"), else two names merely follow each
 * other. Null when token i starts no such title.
 */
export function personTitledAt(ctx: SpeakerContext, tokens: Token[], i: number): number | null {
  const first = tokens[i];
  const known = ctx.speakerAt.get(first?.start ?? -1);
  // "said Hawks owner Dario Quist": a team or firm the recogniser missed here titles as well.
  const m =
    known ??
    (first && /^\p{Lu}\p{Ll}/u.test(first.word) && first.tags.has('ProperNoun')
      ? { start: first.start, end: first.end, person: false }
      : undefined);
  if (!m) return null;
  // An abbreviated title the recogniser took for a name ("Del.") is a role.
  let role = m.person && /^\p{Lu}\p{Ll}{1,3}\.$/u.test(ctx.text.slice(m.start, m.end + 1));
  let modified = false;
  // Up to four title words: "Hawks team physician Dr. Ivo Tamm".
  for (let j = i + 1, seen = 0; j < tokens.length && seen < 4; j++) {
    const t = tokens[j]!;
    if (t.start < m.end) continue;
    // Title words only, capitalised or not ("spokeswoman"), and no comma between.
    const prev = tokens[j - 1]!;
    if (prev.possessive || /[,;:!?()—–―]/.test(prev.post)) return null;
    if (prev.post.includes('.') && prev.word.length > 4) return null;
    const next = ctx.speakerAt.get(t.start);
    // "Harbour Party home affairs spokesman Rhys Olander": plain nouns may qualify the role
    // word, which must then stand right before the name.
    if (next && modified && !isRoleWord(prev)) return null;
    if (next) return next.person && (role || !m.person) ? next.actor : null;
    const lower = /^\p{Ll}/u.test(t.word);
    if (lower && !isRoleWord(t) && !TEAMS.has(t.lower)) {
      if (!t.tags.has('Noun') || t.tags.has('Verb') || m.person) return null;
      modified = true;
    }
    if (!lower && !TITLE_WORDS.has(t.lower) && !/^\p{Lu}/u.test(t.word)) return null;
    role ||= lower && !TEAMS.has(t.lower);
    seen++;
  }
  return null;
}

function isRoleWord(t: Token): boolean {
  return TITLE_WORDS.has(t.lower) || ROLE_NOUNS.has(t.lower);
}

/** Whose team a role is in: "Quist campaign manager", "Ashgrove transition spokesman". */
const TEAMS = new Set(['campaign', 'transition', 'administration', 'team', 'camp', 'press']);
