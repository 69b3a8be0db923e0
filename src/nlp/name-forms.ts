/**
 * Shorter forms of a person's full name: "Ana Ruiz" and "Ana Maria" are "Ana Maria Ruiz" with
 * words left out, in order, from the same first name; "Maria Ruiz" is its surname of two words. A generation suffix tells two people
 * apart ("Tom Hale" is not "Tom Hale Jr."), so a longer name with one the shorter lacks is
 * another person.
 */

const GENERATION = /^(?:jr|sr|ii|iii|iv)\.?$/i;

/** A name's words as they are compared: case and the apostrophe's shape aside ("O’Neill", "O'Neill"). */
export function nameWords(name: string): string[] {
  return name.toLowerCase().replace(/[’‘`]/g, "'").split(' ');
}

/** "Wasserman Ruiz" and "de Souza" end "Ana Wasserman Ruiz" and "Ana de Souza": a surname of several words. */
function isSurnameOf(short: readonly string[], long: readonly string[]): boolean {
  const tail = long.slice(long.length - short.length);
  return !GENERATION.test(long.at(-1) ?? '') && tail.every((w, i) => w === short[i]);
}

export function isShorterForm(short: readonly string[], long: readonly string[]): boolean {
  if (short.length < 2 || short.length >= long.length) return false;
  if (isSurnameOf(short, long)) return true;
  if (short[0] !== long[0]) return false;
  let at = 0;
  for (const word of long) {
    if (at < short.length && word === short[at]) at++;
    else if (GENERATION.test(word)) return false;
  }
  return at === short.length;
}

/**
 * The one longest name that `short` is a shorter form of, when every candidate is itself a
 * form of it; undefined when there is none or two people could be meant ("Ana Ruiz" beside
 * "Ana Maria Ruiz" and "Ana Sofia Ruiz").
 */
export function fullFormOf(
  short: readonly string[],
  names: ReadonlyArray<readonly string[]>,
): number | undefined {
  let best: number | undefined;
  const candidates: number[] = [];
  names.forEach((long, i) => {
    if (!isShorterForm(short, long)) return;
    candidates.push(i);
    if (best === undefined || long.length > names[best]!.length) best = i;
  });
  if (best === undefined) return undefined;
  const full = names[best]!;
  return candidates.every((i) => i === best || isShorterForm(names[i]!, full)) ? best : undefined;
}
