import type { ActorDraft } from './actors.ts';
import { canonicalName } from './actors.ts';
import type { NameSpan } from './names.ts';
import { ORG_CUES_AFTER, ORG_HEADS, ROLE_NOUNS, TITLE_WORDS } from './text/lexicon.ts';
import { lookupPlace } from './text/places.ts';
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
  spans.forEach((span, k) => {
    const draft = drafts[actorOf[k]!]!;
    if (draft.role) return;
    const role =
      draft.type === 'person'
        ? (titleBefore(tokens, span, spans, actorOf, drafts) ??
          roleRightBefore(tokens, span) ??
          appositionAfter(tokens, span, drafts))
        : draft.type === 'organization'
          ? descriptionBefore(tokens, span)
          : null;
    if (role) draft.role = role;
  });
}

function words(tokens: Token[], first: number, last: number): string {
  let out = '';
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    out += t.word + (t.possessive ? t.post.slice(0, 2) : '') + (i < last ? ' ' : '');
  }
  return out;
}

function isTitleWord(t: Token): boolean {
  if (
    TITLE_WORDS.has(t.lower.replace(/\.$/, '')) ||
    t.tags.has('Honorific') ||
    t.tags.has('Demonym')
  )
    return true;
  return lookupPlace(t.word)?.form === 'demonym';
}

/** A title run right before the name, or before it across a comma. */
function titleBefore(
  tokens: Token[],
  span: NameSpan,
  spans: NameSpan[],
  actorOf: number[],
  drafts: ActorDraft[],
): string | null {
  let first: number;
  let last: number;
  if (span.title) {
    ({ first, last } = span.title);
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
    if (before?.possessive && !isOwnerName(before, spans)) {
      const org = organisationNamedBy(before, drafts);
      return org ? `${words(tokens, first, last)} of ${org}` : words(tokens, first - 1, last);
    }
  }
  // Drop honorifics that are not roles ("Mr", "Dr" alone).
  const title = words(tokens, first, last);
  if (/^(?:mr|mrs|ms|miss|mx|dr|sir|dame)\.?$/i.test(title)) return null;
  const owner = ownerBefore(tokens, first, spans, actorOf, drafts);
  return owner ? `${title} of ${owner}` : title;
}

/** "the authority's" → "Marrowby Harbour Authority" when the article names such an organisation. */
function organisationNamedBy(t: Token, drafts: ActorDraft[]): string | null {
  if (!/^\p{Ll}/u.test(t.word)) return null;
  const org = drafts.find(
    (d) =>
      d.type === 'organization' && canonicalName(d).toLowerCase().split(' ').at(-1) === t.lower,
  );
  return org ? canonicalName(org) : null;
}

/** Modifiers a lowercase role before a name may carry: "Republican presidential nominee". */
function isRoleModifier(t: Token): boolean {
  if (breaksAfter(t)) return false;
  if (ROLE_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower)) return true;
  return (
    t.tags.has('Adjective') ||
    (t.tags.has('Noun') && /^\p{Ll}/u.test(t.word) && !t.tags.has('Plural'))
  );
}

/** "the mediator Tomas Varga", "Republican presidential nominee Donald Trump": no comma. */
function roleRightBefore(tokens: Token[], span: NameSpan): string | null {
  const last = span.first - 1;
  const head = tokens[last];
  if (!head || breaksAfter(head) || !/^\p{Ll}/u.test(head.word) || !ROLE_NOUNS.has(head.lower))
    return null;
  let first = last;
  while (
    first - 1 >= 0 &&
    last - first < 4 &&
    isRoleModifier(tokens[first - 1]!) &&
    !tokens[first - 1]!.tags.has('Determiner')
  )
    first--;
  return words(tokens, first, last);
}

/** Is the possessive word a name we found (so "Portline’s director" becomes "director of Portline")? */
function isOwnerName(t: Token, spans: NameSpan[]): boolean {
  return spans.some((s) => s.end === t.end);
}

/** "its"/"their" before a title means the organisation most recently named; "Portline’s" names it. */
function ownerBefore(
  tokens: Token[],
  titleFirst: number,
  spans: NameSpan[],
  actorOf: number[],
  drafts: ActorDraft[],
): string | null {
  const prev = tokens[titleFirst - 1];
  if (!prev) return null;
  if (prev.lower === 'its' || prev.lower === 'their') {
    for (let k = spans.length - 1; k >= 0; k--) {
      const s = spans[k]!;
      const d = drafts[actorOf[k]!]!;
      if (s.end <= prev.start && d.type === 'organization') return canonicalName(d);
    }
    return null;
  }
  if (prev.possessive) {
    const k = spans.findIndex((s) => s.last === titleFirst - 1);
    const d = k >= 0 ? drafts[actorOf[k]!] : undefined;
    if (d && d.type === 'organization') return canonicalName(d);
  }
  return null;
}

const APPOSITION_END = /[,;.:!?)—–]/;

/** "Mara Quist, the chief executive of Portline," → "chief executive of Portline". */
function appositionAfter(tokens: Token[], span: NameSpan, drafts: ActorDraft[]): string | null {
  const last = tokens[span.last]!;
  if (!/^,/.test(last.post)) return null;
  const start = span.last + 1;
  const first = tokens[start];
  if (!first) return null;
  const introduced =
    ['the', 'a', 'an', 'its', 'his', 'her', 'their'].includes(first.lower) || first.possessive;
  // "Helen Okafor, general secretary of the union," opens with the role noun itself.
  if (!introduced && !(TITLE_WORDS.has(first.lower) || ROLE_NOUNS.has(first.lower))) return null;
  let end = start;
  while (
    end < tokens.length &&
    end - start < 12 &&
    !APPOSITION_END.test(tokens[end]!.post) &&
    tokens[end]!.sentence === last.sentence
  )
    end++;
  if (end >= tokens.length || end - start >= 12) return null;
  const phrase = tokens.slice(start, end + 1);
  if (!phrase.some((t) => ROLE_NOUNS.has(t.lower))) return null;
  if (phrase.some((t) => t.tags.has('Verb') && !t.tags.has('Gerund') && !ROLE_NOUNS.has(t.lower)))
    return null;
  const from = ['the', 'a', 'an'].includes(first.lower) ? start + 1 : start;
  // "the authority's chief executive" → "chief executive of Marrowby Harbour Authority"
  const owner = tokens[from];
  const org = owner?.possessive ? organisationNamedBy(owner, drafts) : null;
  if (org && from < end) return `${words(tokens, from + 1, end)} of ${org}`;
  return words(tokens, from, end);
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
  return words(tokens, first, span.first - 1);
}
