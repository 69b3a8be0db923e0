import type { Actor } from '../model/analysis.ts';
import { ROLE_NOUNS } from '../nlp/text/lexicon.ts';
import type { SentenceView } from './entities.ts';
import type { Question } from './question.ts';

/**
 * Does a sentence hold the kind of thing the question asks for? A "how much" needs an amount,
 * a "how many" a count, a "when" a date or time, a "where" a place, a "why" a cause or a
 * purpose, a "who" a person (or an organisation) other than those the question names. A
 * sentence without it is no answer, however many words it shares with the question: the
 * answerer declines rather than cite it.
 */

const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|a dozen|scores? of';
/** A count: digits that are not a year, or a number word. */
const COUNTS = new RegExp(`\\b(?:\\d[\\d,.]*|${NUMBER_WORD})\\b`, 'giu');
const YEAR_ONLY = /^(?:1[89]|20)\d\d$/;
/** An amount: money, a share, a measure, or a count of something. */
const AMOUNT = new RegExp(
  `[$£€¥]\\s?\\d|\\b\\d[\\d,.]*\\s?(?:%|percent|per cent|million|billion|trillion|bn|m|k|megabytes?|gigabytes?|kilobytes?|bytes?|tonnes?|tons?|miles?|km|kilometres?|kilometers?|metres?|meters?|feet|pounds?|dollars?|euros?|yen|hours?|days?|weeks?|months?|years?)\\b|\\b(?:half|a third|a quarter|twice|double|triple|${NUMBER_WORD})\\b`,
  'iu',
);
const DATE =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|(?:last|next|this|earlier this|later this)\s+(?:week|month|year|spring|summer|autumn|fall|winter|weekend)|ago|(?:1[89]|20)\d\d|\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)|midnight|noon|morning|evening|night|in the (?:19|20)\d0s)\b/iu;
const CAUSE =
  /\b(?:because|due to|owing to|as a result|after|following|since|amid|over|so that|in order to|so as to|to (?:\w+ )?(?:help|avoid|protect|prevent|ensure|stop|make|keep|get)|reason|why|blam\w*|prompt\w*|led to|caus\w*|sparked|triggered|fears?|concerns?|in response to|in protest|suspected of|accused of|charged with|on suspicion|on (?:the )?grounds|based on|citing|out of)\b/iu;
const PLACE_CUE = /\b(?:in|at|to|from|near|into|across|outside|inside)\s+(?:the\s+)?\p{Lu}/u;

function countIn(text: string): boolean {
  const m = text.match(COUNTS) ?? [];
  return m.some((n) => !YEAR_ONLY.test(n.replace(/,/g, '')));
}

/** Does the question itself name this actor (by any word of its names)? */
export function askedAbout(actor: Actor, q: Question): boolean {
  const named = new Set(q.names);
  const words = [actor.name, ...actor.aliases].flatMap((f) => f.toLowerCase().split(/\W+/));
  return words.some((w) => named.has(w));
}

/** An actor of the type in the sentence that the question does not itself name. */
function newActor(
  s: SentenceView,
  q: Question,
  type: 'person' | 'organization' | 'place',
): boolean {
  const { actors } = s.article.analysis;
  for (const a of s.actors) {
    const actor = actors[a];
    if (actor && actor.type === type && !askedAbout(actor, q)) return true;
  }
  return false;
}

/**
 * "Who did Quist summon?" — "… summoned the most senior Belmoran diplomat": someone described
 * by a role noun the question does not use answers a "who" as well as a name does. The role
 * nouns' offsets in the sentence's text.
 */
export function describedSomeone(s: SentenceView, q: Question): Array<[number, number]> {
  const asked = new Set(q.words);
  const spans: Array<[number, number]> = [];
  for (const m of s.text.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    if (!ROLE_NOUNS.has(w) || asked.has(w)) continue;
    // "President-elect Mara Quist": a title before a name is that named person's, not someone new.
    const after = s.text.slice(m.index + m[0].length).match(/^(?:-\p{L}+)?\s+(\S)/u)?.[1];
    if (!after || !/\p{Lu}/u.test(after)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

export function holdsAnswerType(q: Question, s: SentenceView): boolean {
  switch (q.kind) {
    case 'howMany':
      return countIn(s.text);
    case 'howMuch':
      return AMOUNT.test(s.text);
    case 'when':
      return DATE.test(s.text);
    case 'where':
      return newActor(s, q, 'place') || PLACE_CUE.test(s.text);
    case 'why':
      return CAUSE.test(s.text);
    case 'who':
      if (q.wanted === 'organization') return newActor(s, q, 'organization');
      return (
        newActor(s, q, 'person') ||
        describedSomeone(s, q).length > 0 ||
        (q.wanted === 'either' && newActor(s, q, 'organization'))
      );
    default:
      return true;
  }
}
