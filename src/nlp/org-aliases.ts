import { ACRONYM, initials } from './acronyms.ts';
import type { ActorDraft } from './actor-draft.ts';
import { wordSet } from './text/lexicon.ts';

/**
 * Other names of one organisation in one article: an acronym ("FBI" and "Federal Bureau of
 * Investigation"; "Tarn Valley Television (TVTV)" defines its own), and a company's name
 * without the word that says what it is ("Tarnwell" after "Tarnwell Energy").
 */

/** Words after a company's own name that only say what kind of body it is. */
const KIND_SUFFIXES = wordSet(
  'energy group holdings inc corp corporation co company plc ltd llc limited party bank ' +
    'securities department ' +
    'industries partners capital motors airlines airways petroleum oil resources mining ' +
    'pharmaceuticals telecom communications systems technologies entertainment foods',
);

/** Last words that make a name a body's, though no one shortens it to the words before. */
const BODY_ENDINGS = wordSet(
  'confederation federation union association council commission committee league ' +
    'organisation organization agency authority board',
);

/** Does the name end in a word that says it is a company or a body ("… Energy Group")? */
function endsInKind(name: string): boolean {
  const last = name.slice(name.lastIndexOf(' ') + 1).toLowerCase();
  return KIND_SUFFIXES.has(last) || BODY_ENDINGS.has(last);
}

/** "Tarnwell" of "Tarnwell Energy Group": the long name is the short one and kind words. */
function isShortForm(short: string, long: string): boolean {
  if (short.includes(' ')) return false;
  const [first, ...rest] = long.split(' ');
  return (
    first === short && rest.length > 0 && rest.every((w) => KIND_SUFFIXES.has(w.toLowerCase()))
  );
}

/** Is `short` another name for the organisation `long` names, by its letters or its words? */
export function isOrgAliasOf(short: string, long: string): boolean {
  return (ACRONYM.test(short) && initials(long) === short) || isShortForm(short, long);
}

/**
 * The one organisation draft the test picks, or undefined when none or several do. A name
 * that ends in a kind word is a body's whatever the tagger typed it ("Tarnwell Energy").
 */
function only(
  drafts: ActorDraft[],
  names: string[],
  test: (d: ActorDraft, j: number) => boolean,
): number | undefined {
  const found = drafts.flatMap((d, j) =>
    (d.type === 'organization' || endsInKind(names[j]!)) && test(d, j) ? [j] : [],
  );
  return found.length === 1 ? found[0] : undefined;
}

/** The draft of the name an organisation's alias (or a short form) stands for, if one. */
function fullNameOf(drafts: ActorDraft[], names: string[], i: number): number | undefined {
  const d = drafts[i]!;
  const name = names[i]!;
  const other = (test: (o: ActorDraft, j: number) => boolean) =>
    only(drafts, names, (o, j) => j !== i && test(o, j));
  if (d.type !== 'organization') {
    // "Commerce said" after "the Commerce Department": the tagger may take the short form
    // for a person's name, but not one it knows the gender of, nor a country.
    const known = d.country || (d.type === 'person' && d.gender !== 'unknown');
    return known || name.includes(' ') ? undefined : other((_, j) => isShortForm(name, names[j]!));
  }
  const defined = d.mentionSpans.find((m) => m.defines !== undefined)?.defines;
  return (
    (defined === undefined ? undefined : other((o) => o.surfaces.has(defined))) ??
    other((_, j) => isOrgAliasOf(name, names[j]!))
  );
}

/** Points each organisation alias at the draft of the name it stands for, in `target`. */
export function linkOrgAliases(drafts: ActorDraft[], names: string[], target: number[]): void {
  drafts.forEach((_, i) => {
    const full = fullNameOf(drafts, names, i);
    if (full === undefined) return;
    target[i] = full;
    drafts[full]!.type = 'organization';
  });
}

/** Surfaces of a draft that an acronym in brackets after its name defined. */
export function definedAcronyms(d: ActorDraft): Set<string> {
  return new Set(
    d.mentionSpans.filter((m) => m.defines && d.surfaces.has(m.defines)).map((m) => m.text),
  );
}
