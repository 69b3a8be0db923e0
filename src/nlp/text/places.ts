import { createRequire } from 'node:module';

/** The country gazetteer (built by scripts/build-places.ts) with lookups by any name form. */

interface CountryEntry {
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
}

export type PlaceForm = 'name' | 'alias' | 'demonym' | 'capital';

export interface PlaceMatch {
  /** The country's common name: the key under which its mentions merge. */
  country: string;
  form: PlaceForm;
}

const require = createRequire(import.meta.url);
const countries = require('../data/countries.json') as CountryEntry[];

const byForm = new Map<string, PlaceMatch>();
function add(surface: string, match: PlaceMatch): void {
  const key = placeKey(surface);
  // Names win over capitals and demonyms when two countries share a form.
  if (!byForm.has(key)) byForm.set(key, match);
}
for (const c of countries) add(c.name, { country: c.name, form: 'name' });
for (const c of countries) for (const a of c.aliases) add(a, { country: c.name, form: 'alias' });
for (const c of countries) for (const d of c.demonyms) add(d, { country: c.name, form: 'demonym' });
for (const c of countries)
  for (const cap of c.capitals) add(cap, { country: c.name, form: 'capital' });

/** Case- and diacritic-insensitive key, so "Türkiye" and "Turkiye" meet. */
export function placeKey(surface: string): string {
  return surface
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^the\s+/i, '')
    .toLowerCase();
}

export function lookupPlace(surface: string): PlaceMatch | undefined {
  return byForm.get(placeKey(surface));
}

const byCountry = new Map(countries.map((c) => [c.name, c]));

/** Every way of naming a country in text: its name, aliases and demonyms (not its capital). */
export function placeForms(country: string): string[] {
  const c = byCountry.get(country);
  return c ? [c.name, ...c.aliases, ...c.demonyms] : [country];
}
