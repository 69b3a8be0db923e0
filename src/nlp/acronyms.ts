import type { NameSpan } from './name-span.ts';
import { spanText, type Token } from './text/tokens.ts';

/**
 * Acronyms and the names they stand for: "Harbour Safety Board (HSB)" defines HSB where it
 * is written; "HSB" alone joins the board when its letters are the name's initials.
 */

export const ACRONYM = /^[A-Z]{2,6}$/;

/** The capitals opening a name's words: "Harbour Board of Trade" → "HBT". */
export function initials(name: string): string {
  return name
    .split(' ')
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Can the acronym stand for a name with these initials: the name's letters and more
 * ("Tarn Valley Television (TVTV)"), or as many letters, all but one of them the name's, as
 * when it abbreviates the name in another language ("Popular Liberation Army (EPL)")? Not
 * when the name lacks its start: "… Openness in Tarn (CFOT)".
 */
function spells(acronym: string, initialsOfName: string): boolean {
  if (acronym.startsWith(initialsOfName)) return true;
  if (acronym.length !== initialsOfName.length) return false;
  const left = [...initialsOfName];
  let shared = 0;
  for (const c of acronym) {
    const at = left.indexOf(c);
    if (at >= 0) {
      shared++;
      left.splice(at, 1);
    }
  }
  return shared >= acronym.length - 1;
}

/** Does an acronym stand right after the name in brackets: "Harbour Board (HB)"? */
function bracketedAfter(tokens: Token[], name: NameSpan, next: NameSpan | undefined): boolean {
  if (!next || next.first !== name.last + 1 || next.first !== next.last) return false;
  const between = `${tokens[name.last]!.post}${tokens[next.first]!.pre}`;
  return /^\s*\(\s*$/.test(between) && ACRONYM.test(next.text);
}

/**
 * Marks each bracketed acronym with the name it defines, and joins a name cut at a comma when
 * the acronym after it spells both parts: "Office of Roads, Rail and Canals (ORRC)".
 */
export function withDefinedAcronyms(tokens: Token[], names: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  names.forEach((name, k) => {
    const prev = out.at(-1);
    const next = names[k + 1];
    if (
      prev &&
      name.type === 'organization' &&
      prev.type === 'organization' &&
      name.first === prev.last + 1 &&
      /^,\s*$/.test(`${tokens[prev.last]!.post}${tokens[name.first]!.pre}`) &&
      bracketedAfter(tokens, name, next) &&
      initials(`${prev.text} ${name.text}`) === next!.text
    ) {
      const joined = { ...prev, last: name.last, end: name.end };
      joined.text = spanText(tokens.slice(prev.first, name.last + 1));
      out[out.length - 1] = joined;
      return;
    }
    out.push(name);
  });
  out.forEach((name, k) => {
    const next = out[k + 1];
    // The tagger may have typed the name a place ("African Football Confederation"):
    // linking decides by its words (org-aliases.ts).
    if (
      name.type !== 'person' &&
      bracketedAfter(tokens, name, next) &&
      spells(next!.text, initials(name.text))
    )
      next!.defines = name.text;
  });
  return out;
}
