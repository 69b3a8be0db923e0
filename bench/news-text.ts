import { seededRandom } from '../src/nlp/tagger/train.ts';

/**
 * Long, varied, news-like articles made from invented parts, for measuring how analysis cost
 * grows with length. Every sentence is assembled afresh from names, organisations, places,
 * roles, numbers and quotations, so no paragraph repeats (repeated text takes different paths
 * through the analyser: one name seen a thousand times, one sentence compared with itself).
 * Deterministic in the seed; every name is invented.
 */

const FIRST = [
  'Mara',
  'Tomas',
  'Agnes',
  'Jonas',
  'Priya',
  'Lena',
  'Oskar',
  'Ines',
  'Halvard',
  'Celia',
  'Rufus',
  'Greta',
  'Anselm',
  'Dorit',
  'Kasimir',
  'Yolanda',
  'Bram',
  'Edda',
  'Felix',
  'Ottilie',
];
const LAST = [
  'Quist',
  'Verlin',
  'Holm',
  'Pike',
  'Raman',
  'Ostrova',
  'Brandt',
  'Calloway',
  'Dunmere',
  'Eskeland',
  'Fairweather',
  'Gorski',
  'Hallam',
  'Ibsenko',
  'Jarrow',
  'Kettleby',
  'Lindqvist',
  'Morrow',
  'Nansell',
  'Orrin',
  'Pelham',
  'Rask',
  'Sorby',
  'Tarrant',
];
const PLACE_PARTS = [
  'Marrow',
  'East',
  'Dun',
  'Harl',
  'Wend',
  'Brack',
  'Ferr',
  'Stow',
  'Ash',
  'Kell',
];
const PLACE_ENDS = ['by', 'holm', 'ford', 'wick', 'stad', 'mouth', 'haven', 'ness', 'dale', 'port'];
const ORG_HEADS = [
  'Harbour Authority',
  'Workers Union',
  'Shipping Agents Association',
  'Council',
  'Rail Company',
  'Water Board',
  'Teachers Federation',
  'Chamber of Commerce',
  'Ferry Lines',
];
const COMPANIES = ['Portline', 'Tidewell', 'Graymarsh', 'Northrake', 'Coldharbour', 'Saltree'];
const ROLES = [
  'chief executive',
  'spokeswoman',
  'spokesman',
  'general secretary',
  'harbour master',
  'finance director',
  'mayor',
  'chairwoman',
  'senior economist',
  'union organiser',
];
const TITLES = ['Harbour Minister', 'Transport Secretary', 'Mayor', 'Councillor', 'Professor'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SUBJECTS = [
  'the strike',
  'the new timetable',
  'the repair work',
  'the pay offer',
  'the night-shift cuts',
  'the flood barrier',
  'the budget',
  'the ferry contract',
  'the merger',
];
const VERBS = ['halted', 'delayed', 'cost', 'reshaped', 'threatened', 'rescued', 'split', 'slowed'];
const OBJECTS = [
  'container traffic',
  'the morning trains',
  'school meals',
  'the fishing fleet',
  'freight bookings',
  'the hospital extension',
  'winter heating grants',
  'the river crossing',
];
const ADVERBS = ['sharply', 'quietly', 'again', 'for the first time', 'within a week', 'overnight'];
const CLAIMS = [
  'nobody wanted this dispute',
  'the figures do not add up',
  'we will keep the gates open',
  'families cannot wait another winter',
  'the port must change',
  'talks are the only way forward',
  'the money was promised and never paid',
  'this town has been patient for long enough',
  'we are a fishing harbour, not a container port',
];
const SPEECH = ['said', 'told reporters', 'added', 'warned', 'insisted', 'explained'];

type Pick = <T>(items: readonly T[]) => T;

function sentenceMaker(pick: Pick, next: () => number): () => string {
  const person = (): string => `${pick(FIRST)} ${pick(LAST)}`;
  const place = (): string => `${pick(PLACE_PARTS)}${pick(PLACE_ENDS)}`;
  const org = (): string => (next() < 0.5 ? `the ${place()} ${pick(ORG_HEADS)}` : pick(COMPANIES));
  const amount = (): string => `${Math.floor(next() * 900 + 10)}${next() < 0.5 ? ',000' : ''}`;
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const claim = (): string =>
    `${cap(pick(CLAIMS))}, and ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`;
  const makers: Array<() => string> = [
    () =>
      `${cap(pick(SUBJECTS))} ${pick(VERBS)} ${pick(OBJECTS)} in ${place()} on ${pick(DAYS)}, ${org()} said.`,
    () =>
      `${person()}, the ${pick(ROLES)} of ${org()}, said ${pick(SUBJECTS)} had ${pick(VERBS)} ${pick(OBJECTS)} ${pick(ADVERBS)}.`,
    () => `“${claim()},” ${person()} ${pick(SPEECH)}.`,
    () => `“${claim()},” said ${pick(TITLES)} ${person()}.`,
    () => `${pick(TITLES)} ${person()} told ${org()} that “${pick(CLAIMS)}.”`,
    () =>
      `About ${amount()} people in ${place()} were affected, according to figures from ${org()}.`,
    () =>
      `${cap(org())} said it would spend ${amount()} crowns on ${pick(OBJECTS)} by ${pick(DAYS)}.`,
    () => `“${cap(pick(CLAIMS))}. ${cap(pick(CLAIMS))},” she said.`,
    () =>
      `He said ${pick(SUBJECTS)} had ${pick(VERBS)} ${pick(OBJECTS)} in ${place()} and ${place()}.`,
    () =>
      `Officials in ${place()} said ${pick(OBJECTS)} would resume ${pick(ADVERBS)}, but ${person()} disagreed.`,
    () => `Is ${pick(SUBJECTS)} worth ${amount()} crowns to ${place()}?`,
    () => `${pick(LAST)} said the talks with ${org()} would continue on ${pick(DAYS)}.`,
  ];
  return () => pick(makers)();
}

/** A news-like article of about `chars` characters, paragraphs of one to four sentences. */
export function newsArticle(chars: number, seed = 1): { title: string; text: string } {
  // Seeded, so every run measures the same text.
  const next = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(next() * items.length)]!;
  const sentence = sentenceMaker(pick, next);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const count = 1 + Math.floor(next() * 4);
    const p = Array.from({ length: count }, sentence).join(' ');
    paragraphs.push(p);
    length += p.length + 2;
  }
  const text = paragraphs.join('\n\n').slice(0, chars);
  return { title: `${pick(PLACE_PARTS)}${pick(PLACE_ENDS)} dispute goes on`, text };
}
