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
 * Points each organisation alias at the draft of the name it stands for, in `target`. The
 * full name is one organisation's, or a name that ends in a kind word, whatever the tagger
 * typed it ("Tarnwell Energy"); an alias with several candidates stays apart.
 */
export function linkOrgAliases(drafts: ActorDraft[], names: string[], target: number[]): void {
  const bodies = drafts.flatMap((d, j) =>
    d.type === 'organization' || endsInKind(names[j]!) ? [j] : [],
  );
  drafts.forEach((d, i) => {
    const name = names[i]!;
    const only = (test: (o: ActorDraft, j: number) => boolean): number | undefined => {
      const found = bodies.filter((j) => j !== i && test(drafts[j]!, j));
      return found.length === 1 ? found[0] : undefined;
    };
    const org = d.type === 'organization';
    const defined = org ? d.mentionSpans.find((m) => m.defines !== undefined)?.defines : undefined;
    let full = defined === undefined ? undefined : only((o) => o.surfaces.has(defined));
    // Otherwise only a one-word name is an alias, by its letters or its words. "Commerce
    // said" after "the Commerce Department": the tagger may take the short form for a
    // person's name, but not one it knows the gender of, nor a country.
    if (full === undefined && !name.includes(' ')) {
      if (org) full = only((_, j) => isOrgAliasOf(name, names[j]!));
      else if (!d.country && !(d.type === 'person' && d.gender !== 'unknown'))
        full = only((_, j) => isShortForm(name, names[j]!));
    }
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
