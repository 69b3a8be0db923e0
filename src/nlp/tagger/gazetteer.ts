import { createRequire } from 'node:module';
import { lookupPlace, type PlaceForm, placeKey } from '../text/places.ts';
import type { Token } from '../text/tokens.ts';

/**
 * Where the gazetteers match a sentence: the country gazetteer (names, aliases, demonyms,
 * capitals) and the cities of 50,000 people or more (scripts/build-cities.ts). For each
 * token, the form matched and its position in the match ("name:B", "city:I"), longest
 * match first. Only capitalised words can start a match ("Turkey", not "turkey").
 */
const LONGEST = 4;

type Form = PlaceForm | 'city';

const require = createRequire(import.meta.url);
const CITIES: ReadonlySet<string> = new Set(require('../data/cities.json') as string[]);

export function gazetteerMarks(tokens: readonly Token[]): Array<string | undefined> {
  const marks: Array<string | undefined> = new Array(tokens.length).fill(undefined);
  for (const [first, last, form] of matches(tokens))
    for (let k = first; k <= last; k++) marks[k] = `${form}:${k === first ? 'B' : 'I'}`;
  return marks;
}

/** Token ranges naming a country by its name or an alias ("Turkiye", "United Kingdom", "UK"). */
export function countryMatches(tokens: readonly Token[]): Array<[number, number]> {
  return matches(tokens)
    .filter(([, , form]) => form === 'name' || form === 'alias')
    .map(([first, last]) => [first, last]);
}

function matches(tokens: readonly Token[]): Array<[number, number, Form]> {
  const found: Array<[number, number, Form]> = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    let matched = 0;
    if (/^\p{Lu}/u.test(first.word)) {
      for (let n = Math.min(LONGEST, tokens.length - i); n >= 1 && !matched; n--) {
        const words = tokens.slice(i, i + n);
        // A match never runs over a possessive or punctuation inside it.
        if (words.slice(0, -1).some((t) => t.possessive || /[,;:()"]/.test(t.post))) continue;
        const text = words.map((t) => t.word).join(' ');
        const form = lookupPlace(text)?.form ?? (CITIES.has(placeKey(text)) ? 'city' : undefined);
        if (!form) continue;
        matched = n;
        found.push([i, i + n - 1, form]);
      }
    }
    i += matched || 1;
  }
  return found;
}
