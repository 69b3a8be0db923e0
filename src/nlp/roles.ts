import { LIMITS } from '../model/limits.ts';
import type { ActorDraft } from './actor-draft.ts';
import { canonicalName } from './actors.ts';
import type { NameSpan } from './name-span.ts';
import {
  appointedRole,
  asRole,
  copulaRole,
  dashAfter,
  descriptionAfter,
  fitRole,
  isAgentNoun,
  isBareTitle,
  isCommonHead,
  isKin,
  isRoleNoun,
  isTitleWordLower,
  kindBefore,
  knownAsRole,
  partyTag,
  phraseHead,
  relativeRole,
  roleBeforeComma,
  roleText,
} from './role-phrases.ts';
import { ORG_CUES_AFTER, ORG_HEADS, ROLE_NOUNS, TITLE_WORDS } from './text/lexicon.ts';
import { lookupPlace } from './text/places.ts';
import { firstIndexWhere } from './text/sorted.ts';
import { breaksAfter, isCapitalised, type Token } from './text/tokens.ts';

/**
 * Roles from titles and appositions: "Harbour Minister, Tomas Verlin",
 * "its chief executive, Mara Quist" (its → the organisation just named),
 * "Jane Roe, a spokeswoman for the ministry,", and for organisations
 * "the harbour’s main operator, Portline". The first role an article gives an actor wins.
 */
export function assignRoles(
  tokens: Token[],
  spans: NameSpan[],
  actorOf: number[],
  drafts: ActorDraft[],
): void {
  const ctx = roleContext(tokens, spans, actorOf, drafts);
  const inName = (t: Token): boolean => ctx.nameTokens.has(t.start);
  spans.forEach((span, k) => {
    const draft = drafts[actorOf[k]!]!;
    if (draft.role) return;
    const role =
      draft.type === 'person'
        ? (titled(tokens, span, titleBefore(ctx, span)) ??
          roleRightBefore(ctx, span) ??
          roleBeforeComma(tokens, span, inName) ??
          appositionAfter(ctx, span) ??
          relativeRole(tokens, span) ??
          copulaRole(tokens, span, 'person') ??
          appointedRole(tokens, span) ??
          asRole(tokens, span) ??
          partyTag(tokens, span))
        : ((draft.type === 'organization' ? descriptionBefore(tokens, span) : null) ??
          descriptionAfter(tokens, span, draft.type) ??
          copulaRole(tokens, span, draft.type) ??
          knownAsRole(tokens, span, inName) ??
          kindBefore(tokens, span, draft.type, inName));
    // A role too long to read as one (a run of title words) is no role; a later one may fit.
    if (role && role.length <= LIMITS.actorNameChars) draft.role = role;
  });
}

/**
 * A bare title ("Sen.", "Leader") is no role on its own; with a party tag after the name it
 * says something ("Sen. (D-Ohio)"). A later mention may still give a real role.
 */
function titled(tokens: Token[], span: NameSpan, title: string | null): string | null {
  if (title === null || !isBareTitle(title)) return title;
  // "Opposition Leader Ona Pike": the capitalised word before a bare title completes it.
  const from = span.title?.first ?? span.first;
  const before = tokens[from - 1];
  const word = before && (before.tags.has('Noun') || before.tags.has('Adjective'));
  if (word && /^\p{Lu}\p{Ll}+$/u.test(before.word) && !breaksAfter(before) && !before.possessive)
    return `${before.word} ${title}`;
  const party = partyTag(tokens, span);
  return party ? `${title} (${party})` : null;
}

/**
 * The article's names, indexed once so each lookup a role needs is a map read rather than a
 * walk over every name (which grew with the square of a long article's length).
 */
interface RoleContext {
  tokens: Token[];
  spans: NameSpan[];
  actorOf: number[];
  drafts: ActorDraft[];
  /** Offsets where a name ends. */
  nameEnds: Set<number>;
  /** Start offsets of every token inside a name. */
  nameTokens: Set<number>;
  /** The first name span whose last token is this one. */
  spanByLastToken: Map<number, number>;
  /** For each span, the latest organisation span at or before it, or -1. */
  latestOrganisation: number[];
  /** Organisations by the last word of their canonical name, lowercase; the first one wins. */
  organisationByLastWord: Map<string, string>;
}

function roleContext(
  tokens: Token[],
  spans: NameSpan[],
  actorOf: number[],
  drafts: ActorDraft[],
): RoleContext {
  const spanByLastToken = new Map<number, number>();
  const latestOrganisation: number[] = [];
  spans.forEach((s, k) => {
    if (!spanByLastToken.has(s.last)) spanByLastToken.set(s.last, k);
    const organisation = drafts[actorOf[k]!]!.type === 'organization';
    latestOrganisation.push(organisation ? k : (latestOrganisation[k - 1] ?? -1));
  });
  const organisationByLastWord = new Map<string, string>();
  for (const d of drafts) {
    if (d.type !== 'organization') continue;
    const name = canonicalName(d);
    const last = name.toLowerCase().split(' ').at(-1)!;
    if (!organisationByLastWord.has(last)) organisationByLastWord.set(last, name);
  }
  return {
    tokens,
    spans,
    actorOf,
    drafts,
    nameEnds: new Set(spans.map((s) => s.end)),
    nameTokens: new Set(
      spans.flatMap((s) => tokens.slice(s.first, s.last + 1).map((t) => t.start)),
    ),
    spanByLastToken,
    latestOrganisation,
    organisationByLastWord,
  };
}

function isTitleWord(t: Token): boolean {
  if (isTitleWordLower(t.lower) || t.tags.has('Honorific') || t.tags.has('Demonym')) return true;
  return lookupPlace(t.word)?.form === 'demonym';
}

/** A title run right before the name, or before it across a comma. */
function titleBefore(ctx: RoleContext, span: NameSpan): string | null {
  const { tokens } = ctx;
  let first: number;
  let last: number;
  if (span.title) {
    ({ first, last } = span.title);
    first = placeBefore(ctx, first) ?? first;
  } else {
    // "…, its chief executive, Mara Quist" or "the union's general secretary, Helen Okafor"
    const comma = tokens[span.first - 1];
    if (!comma || !/^,/.test(comma.post) || !isTitleWord(comma)) return null;
    last = span.first - 1;
    first = last;
    while (first - 1 >= 0 && isTitleWord(tokens[first - 1]!) && !breaksAfter(tokens[first - 1]!))
      first--;
    const before = tokens[first - 1];
    const introduced =
      !!before &&
      (before.possessive || ['its', 'their', 'the', 'his', 'her'].includes(before.lower));
    // A bare capitalised title needs no article; a lowercase one does ("the general secretary").
    if (!introduced && !isCapitalised(tokens[first]!.word)) return null;
    if (first === last && !TITLE_WORDS.has(tokens[last]!.lower)) return null;
    // "his father, Oren Kettleby" is kin, not the priest's title.
    if (isKin(tokens[last]!) && !before?.possessive) return null;
    if (before?.possessive && !ctx.nameEnds.has(before.end)) {
      const org = organisationNamedBy(ctx, before);
      return org ? `${roleText(tokens, first, last)} of ${org}` : roleText(tokens, first - 1, last);
    }
  }
  // Drop honorifics that are not roles ("Mr", "Dr" alone).
  const title = roleText(tokens, first, last);
  if (/^(?:mr|mrs|ms|miss|mx|dr|sir|dame)\.?$/i.test(title)) return null;
  const owner = ownerBefore(ctx, first);
  return owner ? `${title} of ${owner}` : title;
}

/** "Ohio Sen. Mara Quist", "FBI Director Tom Pell": a place or body right before the title is part of it. */
function placeBefore(ctx: RoleContext, titleFirst: number): number | undefined {
  const prev = ctx.tokens[titleFirst - 1];
  if (!prev || breaksAfter(prev) || prev.possessive) return undefined;
  const k = ctx.spanByLastToken.get(titleFirst - 1);
  if (k === undefined || ctx.drafts[ctx.actorOf[k]!]!.type === 'person') return undefined;
  return ctx.spans[k]!.first;
}

/** "the authority's" → "Marrowby Harbour Authority" when the article names such an organisation. */
function organisationNamedBy(ctx: RoleContext, t: Token): string | null {
  if (!/^\p{Ll}/u.test(t.word)) return null;
  return ctx.organisationByLastWord.get(t.lower) ?? null;
}

/** Modifiers a lowercase role before a name may carry: "Liberal mayoral nominee". */
function isRoleModifier(t: Token): boolean {
  if (breaksAfter(t)) return false;
  if (ROLE_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower)) return true;
  return (
    t.tags.has('Adjective') ||
    (t.tags.has('Noun') && /^\p{Ll}/u.test(t.word) && !t.tags.has('Plural'))
  );
}

/**
 * "the mediator Tomas Varga", "Liberal mayoral nominee Tobin Ashgrove", "Portline chief
 * economist Ana Ruiz", "Ohio-based developer Ana Ruiz": no comma.
 */
function roleRightBefore(ctx: RoleContext, span: NameSpan): string | null {
  const { tokens } = ctx;
  const last = span.first - 1;
  const head = tokens[last];
  if (!head || breaksAfter(head) || !/^\p{Ll}/u.test(head.word)) return null;
  if (!isRoleNoun(head) && !isAgentNoun(head)) return null;
  let first = last;
  while (first - 1 >= 0 && last - first < 4) {
    const t = tokens[first - 1]!;
    if (t.tags.has('Determiner') || t.sentence !== head.sentence || breaksAfter(t)) break;
    // A name or "X-based" inside the role: "Portline chief economist", "Ohio-based developer".
    // "Whale whisperer Ana Ruiz": a common noun opening the sentence is capitalised only there.
    const opening =
      tokens[first - 2]?.sentence !== t.sentence && t.tags.has('Noun') && !t.tags.has('ProperNoun');
    const named = ctx.nameTokens.has(t.start) || /-based$/u.test(t.lower) || opening;
    // "actress and activist": two roles joined.
    const other = tokens[first - 2];
    const joined = t.lower === 'and' && !!other && (isRoleNoun(other) || isAgentNoun(other));
    if (!isRoleModifier(t) && !named && !joined) break;
    first--;
  }
  return roleText(tokens, first, last);
}

/** "its"/"their" before a title means the organisation most recently named; "Portline’s" names it. */
function ownerBefore(ctx: RoleContext, titleFirst: number): string | null {
  const { spans, actorOf, drafts } = ctx;
  const prev = ctx.tokens[titleFirst - 1];
  if (!prev) return null;
  if (prev.lower === 'its' || prev.lower === 'their') {
    // The latest organisation ending before "its": spans are in order of their starts.
    let k = ctx.latestOrganisation[lastSpanStartingBefore(spans, prev.start)] ?? -1;
    while (k >= 0 && spans[k]!.end > prev.start) k = ctx.latestOrganisation[k - 1] ?? -1;
    return k >= 0 ? canonicalName(drafts[actorOf[k]!]!) : null;
  }
  if (prev.possessive) {
    // "Portline’s chief executive", "Belmora’s president": the body or the country led.
    const k = ctx.spanByLastToken.get(titleFirst - 1);
    const d = k === undefined ? undefined : drafts[actorOf[k]!];
    if (d && d.type !== 'person') return canonicalName(d);
  }
  return null;
}

/** Index of the last span starting before offset, or -1. */
function lastSpanStartingBefore(spans: NameSpan[], offset: number): number {
  return firstIndexWhere(spans, (s) => s.start < offset) - 1;
}

const APPOSITION_END = /[,;.:!?)—–]/;
const RELATIVE = new Set(['that', 'which', 'who', 'whose']);
const ARTICLES = new Set(['a', 'an']);
/** Words an apposition may run to; a long one is cut to fit (fitRole). */
const APPOSITION_WORDS = 18;

/** "Mara Quist, the chief executive of Portline," → "chief executive of Portline". */
function appositionAfter(ctx: RoleContext, span: NameSpan): string | null {
  const { tokens } = ctx;
  let last = tokens[span.last]!;
  if (!/^,/.test(last.post)) return null;
  let start = span.last + 1;
  // "Mara Quist, 45, a nurse from Ashby," — the age comes first.
  if (/^\d{1,3}$/.test(tokens[start]?.word ?? '') && /^,/.test(tokens[start]!.post)) {
    last = tokens[start]!;
    start++;
  }
  const first = tokens[start];
  if (!first) return null;
  const introduced =
    ['the', 'a', 'an', 'its', 'his', 'her', 'their'].includes(first.lower) || first.possessive;
  // "Helen Okafor, general secretary of the union," opens with the role noun itself.
  if (!introduced && !(TITLE_WORDS.has(first.lower) || ROLE_NOUNS.has(first.lower))) return null;
  let end = start;
  while (
    end < tokens.length &&
    end - start < APPOSITION_WORDS &&
    !APPOSITION_END.test(tokens[end]!.post) &&
    !dashAfter(tokens[end]!) &&
    // "…, a senior official with the board that oversees them" ends before its clause.
    !(end > start && RELATIVE.has(tokens[end + 1]?.lower ?? '')) &&
    // "…, director of the institute and a professor at the college," gives two roles: the first.
    !(
      end > start &&
      tokens[end + 1]?.lower === 'and' &&
      ARTICLES.has(tokens[end + 2]?.lower ?? '')
    ) &&
    tokens[end]!.sentence === last.sentence
  )
    end++;
  if (end >= tokens.length || end - start >= APPOSITION_WORDS) return null;
  const phrase = tokens.slice(start, end + 1);
  // A role noun anywhere ("a former chief of staff"), or a person's description headed by
  // a common noun ("a nurse from Ashby").
  const described = isCommonHead(phraseHead(introduced ? phrase.slice(1) : phrase));
  if (!described && !phrase.some((t) => isRoleNoun(t) || isAgentNoun(t))) return null;
  if (phrase.some((t) => t.tags.has('Verb') && !t.tags.has('Gerund') && !ROLE_NOUNS.has(t.lower)))
    return null;
  const from = ['the', 'a', 'an'].includes(first.lower) ? start + 1 : start;
  // "the authority's chief executive" → "chief executive of Marrowby Harbour Authority"
  const owner = tokens[from];
  const org = owner?.possessive ? organisationNamedBy(ctx, owner) : null;
  if (org && from < end) return fitRole(`${roleText(tokens, from + 1, end)} of ${org}`);
  return fitRole(roleText(tokens, from, end));
}

/** "the harbour’s main operator, Portline" → a description of the organisation. */
function descriptionBefore(tokens: Token[], span: NameSpan): string | null {
  const comma = tokens[span.first - 1];
  if (!comma || !/^,/.test(comma.post)) return null;
  const head = comma.lower;
  if (!ORG_HEADS.has(head) && !ORG_CUES_AFTER.has(head)) return null;
  let first = span.first - 1;
  while (first - 1 >= 0 && span.first - first < 6) {
    const t = tokens[first - 1]!;
    if (
      breaksAfter(t) ||
      t.tags.has('Preposition') ||
      t.tags.has('Verb') ||
      t.tags.has('Determiner')
    )
      break;
    first--;
    if (t.possessive) break;
  }
  if (first === span.first - 1 && !tokens[first - 1]?.tags.has('Determiner')) return null;
  return roleText(tokens, first, span.first - 1);
}
