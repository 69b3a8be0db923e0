import type { EntityType } from '../model/analysis.ts';
import type { NameSpan } from './name-span.ts';
import { ORG_HEADS } from './text/lexicon.ts';
import { breaksAfter, breaksBefore, spanText, type Token } from './text/tokens.ts';

/**
 * One name the tagger cut in two, joined again:
 * - a middle initial's full stop is no break: "Ana K." + "Ruiz";
 * - a hyphen holds a name together: "Jean-" + "Luc Marrow", "Trans-" + "Ashby Partnership",
 *   also when the tagger left the first part out;
 * - an organisation's head noun takes its "of/on/for" complement: "Committee on" +
 *   "Harbour Safety", "Centre for" + "Coastal Studies";
 * - a name right before an organisation's is part of it: "House" + "Harbour Committee"
 *   (not across a possessive: "Ashby University's" + "Centre" are two).
 */

const CONNECTORS = new Set(['of', 'on', 'for']);

function joinable(tokens: Token[], a: NameSpan, b: NameSpan): boolean {
  const last = tokens[a.last]!;
  if (last.sentence !== tokens[b.first]!.sentence) return false;
  if (b.first === a.last + 1) {
    if (a.type === 'person' && b.type === 'person')
      return /^\p{Lu}$/u.test(last.word) && /^\.\s*$/u.test(last.post);
    if (/^-\s*$/u.test(last.post)) return true;
    // "Ashby University's Centre" is two: the possessive names the owner; "Harbour Board
    // (HB" is two: a bracket opens an acronym or an aside.
    if (last.possessive || breaksAfter(last) || breaksBefore(tokens[b.first]!)) return false;
    return a.type !== 'person' && b.type === 'organization';
  }
  const connector = tokens[a.last + 1]!;
  return (
    b.first === a.last + 2 &&
    a.type === 'organization' &&
    ORG_HEADS.has(last.lower) &&
    CONNECTORS.has(connector.lower) &&
    !breaksAfter(last) &&
    !breaksAfter(connector)
  );
}

/** "Jean-" before "Luc Marrow": a capitalised word hyphened onto a name's start belongs to it. */
function withHyphenedStart(tokens: Token[], n: NameSpan): NameSpan {
  const before = tokens[n.first - 1];
  if (!before || !/^-$/u.test(before.post) || !/^\p{Lu}/u.test(before.word)) return n;
  if (before.sentence !== tokens[n.first]!.sentence) return n;
  const first = n.first - 1;
  return { ...n, first, start: before.start, text: spanText(tokens.slice(first, n.last + 1)) };
}

export function joinSplitNames(tokens: Token[], names: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const name of names) {
    const prev0 = out.at(-1);
    const n = prev0 && prev0.last === name.first - 1 ? name : withHyphenedStart(tokens, name);
    const prev = out.at(-1);
    if (prev && joinable(tokens, prev, n)) {
      const type: EntityType =
        prev.type === 'person' && n.type === 'person' ? 'person' : 'organization';
      const joined = { ...prev, last: n.last, end: n.end, type };
      joined.text = spanText(tokens.slice(prev.first, n.last + 1));
      out[out.length - 1] = joined;
    } else out.push(n);
  }
  return out;
}
