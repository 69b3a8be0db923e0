import type { EntityType } from '../model/analysis.ts';
import { wordSet } from './text/lexicon.ts';

/**
 * The kind of thing a common noun describes: "the capital" is a place, "a toolmaker firm"
 * an organisation. Used where an article describes a name ("Portline, the Ohio-based
 * toolmaker") to type it and to give it a role.
 */

/** Nouns that say a description is of a place. */
const PLACE_NOUNS = wordSet(
  'capital city town village country nation state province region district county island ' +
    'territory port suburb neighborhood neighbourhood area enclave republic kingdom ' +
    'municipality borough hamlet settlement resort peninsula valley coast desert',
);

/** Nouns that say a description is of an organisation. */
const ORGANISATION_NOUNS = wordSet(
  'company firm group agency studio startup start-up maker manufacturer producer chain ' +
    'retailer network broadcaster newspaper paper magazine outlet website platform charity ' +
    'nonprofit non-profit organisation organization party union bank lender insurer carrier ' +
    'airline conglomerate brand consultancy regulator watchdog ministry department body team ' +
    'club university school college hospital institute think-tank militia faction movement ' +
    'coalition alliance association federation league council committee commission court ' +
    'publisher channel station label franchise operator subsidiary division unit business ' +
    'giant supplier distributor exchange fund foundation trust cooperative co-op carmaker ' +
    'automaker chipmaker drugmaker toolmaker steelmaker planemaker',
);

/** The type a description's head noun says: "the capital" a place, "a toolmaker firm" an organisation. */
export function kindOfDescription(description: string | null): EntityType | undefined {
  if (!description) return undefined;
  const head = description
    .toLowerCase()
    .split(/\s+(?:of|at|in|for|on|with|from|by|to)\s+/)[0]!
    .split(/[\s-]+/)
    .at(-1)!;
  if (PLACE_NOUNS.has(head)) return 'place';
  if (ORGANISATION_NOUNS.has(head)) return 'organization';
  return undefined;
}
