/**
 * Builds src/nlp/data/countries.json, the country gazetteer the analyser uses to recognise
 * places and to merge their names ("UK", "United Kingdom", "Britain" are one place).
 * Source: the world-countries package (names, alternative spellings, demonyms, capitals),
 * plus common English exonyms it lacks. Run: node bin/run-ts.js scripts/build-places.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface SourceCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

export interface CountryEntry {
  name: string;
  aliases: string[];
  demonyms: string[];
  capitals: string[];
}

/** English names in everyday news use that the source leaves out. */
const EXTRA_ALIASES: Record<string, string[]> = {
  GB: ['Britain', 'U.K.'],
  US: ['U.S.', 'U.S.A.', 'America', 'United States of America'],
  TR: ['Turkey'],
  RU: ['Russian Federation'],
  KR: ['South Korea'],
  KP: ['North Korea'],
  CZ: ['Czech Republic'],
  CI: ['Ivory Coast'],
  MM: ['Burma'],
  CD: ['DR Congo', 'DRC'],
  AE: ['UAE', 'U.A.E.'],
  NL: ['Holland'],
  VA: ['Vatican'],
};

const EXTRA_DEMONYMS: Record<string, string[]> = {
  GB: ['Briton', 'Britons', 'English', 'Scottish', 'Welsh'],
  US: ['Americans'],
};

/** Two-letter codes and long official forms are dropped: they collide with words ("IN", "IT"). */
function usable(alias: string, code: string): boolean {
  return (alias !== code && alias.length > 2) || ['UK', 'US'].includes(alias);
}

const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json') as SourceCountry[];
const entries: CountryEntry[] = countries
  .map((c) => {
    const aliases = new Set<string>([
      c.name.official,
      ...c.altSpellings,
      ...(EXTRA_ALIASES[c.cca2] ?? []),
    ]);
    aliases.delete(c.name.common);
    const dem = c.demonyms?.eng;
    return {
      name: c.name.common,
      aliases: [...aliases].filter((a) => usable(a, c.cca2) && !/[()]/.test(a)).sort(),
      demonyms: [...new Set([dem?.m, dem?.f, ...(EXTRA_DEMONYMS[c.cca2] ?? [])])]
        .filter((d): d is string => !!d)
        .sort(),
      capitals: [...c.capital].sort(),
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const out = new URL('../src/nlp/data/countries.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(entries, null, 1)}\n`);
process.stderr.write(`wrote ${entries.length} countries to ${out.pathname}\n`);
