import { lookupPlace, type PlaceForm } from '../places.ts';
import type { Token } from '../tokens.ts';

/**
 * Where the country gazetteer (names, aliases, demonyms, capitals) matches a sentence:
 * for each token, the form matched and its position in the match ("name:B", "alias:I"),
 * longest match first. Only capitalised words can start a match ("Turkey", not "turkey").
 */
const LONGEST = 4;

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

function matches(tokens: readonly Token[]): Array<[number, number, PlaceForm]> {
  const found: Array<[number, number, PlaceForm]> = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i]!;
    let matched = 0;
    if (/^\p{Lu}/u.test(first.word)) {
      for (let n = Math.min(LONGEST, tokens.length - i); n >= 1 && !matched; n--) {
        const words = tokens.slice(i, i + n);
        // A match never runs over a possessive or punctuation inside it.
        if (words.slice(0, -1).some((t) => t.possessive || /[,;:()"]/.test(t.post))) continue;
        const place = lookupPlace(words.map((t) => t.word).join(' '));
        if (!place) continue;
        matched = n;
        found.push([i, i + n - 1, place.form]);
      }
    }
    i += matched || 1;
  }
  return found;
}
