import type { Actor } from '../model/analysis.ts';
import { ROLE_NOUNS, wordSet } from '../nlp/text/lexicon.ts';
import { lookupPlace } from '../nlp/text/places.ts';
import { mentionsIn, type SentenceView } from './entities.ts';
import type { Question } from './question.ts';
import { concept, isBaseVerb } from './stem.ts';

/**
 * Does a sentence hold the kind of thing the question asks for? A "how much" needs an amount,
 * a "how many" a count, a "when" a date or time, a "where" a place, a "why" a cause or a
 * purpose, a "who" a person (or an organisation) other than those the question names. A
 * sentence without it is no answer, however many words it shares with the question: the
 * answerer declines rather than cite it.
 */

const NUMBER_WORD =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|a dozen|scores? of';
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_ABBREVIATIONS = 'jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec';
/** A month's name right after a number, or right before it: the number is a day. */
const MONTH_AFTER = new RegExp(`^\\s+(?:of\\s+)?(?:${MONTHS}|${MONTH_ABBREVIATIONS})\\b`, 'iu');
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS}|${MONTH_ABBREVIATIONS})\\.?\\s+$`, 'iu');
const ORDINAL_WORD =
  'second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth';
/** A count: digits that are not a year (an ordinal too: "the 12th season"), or a number word. */
const COUNTS = new RegExp(
  `\\b(?:\\d[\\d,.]*(?:st|nd|rd|th)?|${NUMBER_WORD})\\b(?!\\s?(?:%|percent|per cent))`,
  'giu',
);
/** Money: a currency sign or unit beside a number, millions or billions (of something paid), or "free". */
const MONEY = new RegExp(
  `[$£€¥₹]\\s?\\d|\\b(?:\\d[\\d,.]*|${NUMBER_WORD})\\s?(?:bn|m|million|billion|trillion)\\b|\\b(?:\\d[\\d,.]*|${NUMBER_WORD})\\s?(?:dollars?|pounds?|euros?|yen|cents?|pence|crowns?|kronor|krona|francs?|rupees?|yuan|roubles?|rubles?|pesos?|rand|shekels?|lira|dinars?|riyals?|won)\\b|\\bfree\\b`,
  'giu',
);
/**
 * A number, with the four words after it looked at without consuming them, so "two of its
 * four lines" finds both numbers. Ordinal words count too ("the third storm this winter").
 */
const COUNT_BEFORE_NOUN = new RegExp(
  `\\b(?:\\d[\\d,.]*(?:st|nd|rd|th)?|${NUMBER_WORD}|${ORDINAL_WORD})(?=((?:-\\p{L}+)?(?:\\s+[\\p{L}'’-]+){1,4}))`,
  'giu',
);

/** "a father of seven", "mother of 3": how news counts a parent's children. */
const PARENT_OF = new RegExp(
  `\\b(?:father|mother|parent|mom|mum|dad|grandfather|grandmother)\\s+of\\s+(?:\\d+|${NUMBER_WORD})\\b`,
  'giu',
);
/** Words a count does not reach its noun across: verbs that start what is said of it. */
const COUNT_BREAKS = new Set(
  'are is was were be been have has had will would could can may might said says to'.split(' '),
);
/** Nouns for times and lengths of time, which a count may be of instead of the noun asked. */
const TIME_UNITS = 'times?|years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?';
const TIME_UNIT = new RegExp(`^(?:${TIME_UNITS})$`, 'iu');
const TIME_UNIT_AFTER = new RegExp(`^(?:-|\\s+)(?:${TIME_UNITS})\\b`, 'iu');
/** "once", "twice": a count of times in one word. */
const REPEATS = /\b(?:once|twice|thrice)\b/giu;
const TIMES = concept('times');
const CHILDREN = new Set(['child', 'children', 'kid', 'kids'].map(concept));

/** The counts in the sentence that count the noun asked about ("How many countries" — "10 … countries"). */
function countsOf(text: string, counted: string): Span[] {
  const want = concept(counted);
  const spans: Span[] = [];
  for (const m of text.matchAll(COUNT_BEFORE_NOUN)) {
    const after = m[1] ?? '';
    // "40 small boats", "two of the firm's ships"; not past a verb ("800 staff are members").
    const words = after
      .split(/[\s-]+/u)
      .map((w) => w.replace(/[’']s?$/u, ''))
      .filter((w) => w !== '');
    const stop = words.findIndex((w) => COUNT_BREAKS.has(w.toLowerCase()));
    if (words.slice(0, stop < 0 ? undefined : stop).some((w) => concept(w) === want))
      spans.push([m.index, m.index + m[0].length + after.length]);
  }
  // "a father of seven": a parent's children, counted.
  if (CHILDREN.has(want))
    for (const m of text.matchAll(PARENT_OF)) spans.push([m.index, m.index + m[0].length]);
  // "The number of volunteers rose to 650": the count after the noun.
  for (const m of text.matchAll(NUMBER_OF)) {
    const noun = m[1]!;
    if (concept(noun) === want) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
const NUMBER_OF = new RegExp(
  `\\b(?:number|total|tally|count) of ([\\p{L}-]+)\\s+(?:\\p{L}+\\s+){0,3}?(?:rose|fell|reached|stood|was|is|climbed|dropped|grew|hit|jumped)\\s+(?:at\\s+|to\\s+)?(?:about\\s+|nearly\\s+|more than\\s+|some\\s+)?(?:\\d[\\d,.]*|${NUMBER_WORD})\\b`,
  'giu',
);

/** Does the sentence use the noun as a common noun ("the 30 towns"), not inside a name ("Towns' Cup")? */
function namesCommonNoun(text: string, noun: string): boolean {
  const want = concept(noun);
  for (const m of text.matchAll(/\p{L}+/gu))
    if (/^\p{Ll}/u.test(m[0]) && concept(m[0]) === want) return true;
  return false;
}

/** Is the number at [start, end) a day beside a month's name ("3 March", "March 3")? */
function dayOfMonth(text: string, start: number, end: number): boolean {
  return (
    MONTH_AFTER.test(text.slice(end)) ||
    MONTH_BEFORE.test(text.slice(Math.max(0, start - 12), start))
  );
}

/** Does the text count the very thing asked about? */
export function countsNoun(text: string, counted: string): boolean {
  return countsOf(text, counted).length > 0;
}
const YEAR_ONLY = /^(?:1[89]|20)\d\d$/;
/** An amount: money, a share, a fraction, a measure with its unit; a bare "two" is a count, not an amount. */
const AMOUNT = new RegExp(
  `[$£€¥]\\s?\\d|\\b\\d[\\d,.]*\\s?%|\\b\\d[\\d,.]*\\s?(?:percent|per cent|million|billion|trillion|bn|m|k|megabytes?|gigabytes?|kilobytes?|bytes?|tonnes?|tons?|miles?|km|kilometres?|kilometers?|metres?|meters?|feet|pounds?|dollars?|euros?|yen|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\\b|\\b(?:half|a third|a quarter|two thirds|three quarters|twice|double|triple)\\b|\\b(?:\\d[\\d,.]*|${NUMBER_WORD})(?:[\\s-](?:million|billion|trillion|percent|per cent|times|dollars?|pounds?|euros?|tonnes?|miles?|hours?|days?|weeks?|months?|years?|minutes?|seconds?))+\\b`,
  'giu',
);
/** A span that is only a length of time ("six weeks", "90 minutes"). */
const DURATION =
  /^[\p{L}\p{N},.]+(?:[\s-](?:seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|decades?))+$/iu;
/** A question a length of time answers: "how long", "how old", "for how many years". */
const ASKS_DURATION =
  /\bhow\s+(?:long|old|soon)\b|\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|time|period)\b/iu;
/** A question about a proportion: a rate, a share, a percentage. */
const ASKS_SHARE = /\b(?:rate|rates|share|percentage|proportion|percent|per cent)\b/iu;
/** A proportion: a percentage, a fraction, "one in five". */
const SHARE = new RegExp(
  `\\b\\d[\\d,.]*\\s?(?:%|percent|per cent|percentage points?)|\\b(?:half|a third|a quarter|a fifth|a tenth|two thirds|three quarters|two-thirds|three-quarters)\\b|\\b(?:one|two|three|four|\\d+) (?:in|out of) (?:${NUMBER_WORD}|\\d[\\d,]*)\\b`,
  'giu',
);
/** Month and day names: a date's words, and never a place ("in January"). */
const MONTHS_AND_DAYS = `${MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday`;
const DATE = new RegExp(
  `\\b(?:${MONTHS_AND_DAYS}|${MONTH_ABBREVIATIONS}|yesterday|today|tonight|tomorrow|(?:last|next|this|earlier this|later this)\\s+(?:week|month|year|spring|summer|autumn|fall|winter|weekend)|ago|(?:1[89]|20)\\d\\d|\\d{1,2}(?::\\d\\d)?\\s?(?:a\\.m\\.|p\\.m\\.|am|pm)|midnight|noon|morning|evening|night|(?:1[89]|20)\\d0s)\\b`,
  'giu',
);
const CAUSE =
  /\b(?:because|due to|owing to|as a result|after|following|since|amid|over|so that|in order to|so as to|to (?:\w+ )?(?:help|avoid|protect|prevent|ensure|stop|make|keep|get)|reason|why|blam\w*|prompt\w*|led to|caus\w*|sparked|triggered|fears?|concerns?|in response to|in protest|suspected of|accused of|charged with|on suspicion|on (?:the )?grounds|based (?:on|upon)|(?<!(?:was|were|been|be|is|are|being|had|has|have)\s)given (?!(?:a|an|to|up|away|out|back|him|her|them|me|us|it)\b)|citing|out of|(?<!(?:responsible|known|famous|used|ready|time|room|plans?|credit|blame)\s)for (?:not )?\w+ing|as (?:a|an) (?:way|means|result|punishment|reward|response|protest|sign)|in (?:an )?echo of|in (?:memory|hono(?:u)?r|support) of|to mark)\b/giu;
/** "Why do campaigners oppose the plan?": a stance, whose reason is what its holders say. */
const ASKS_STANCE =
  /\b(?:oppose|opposed|support|supported|back|backed|criticise|criticised|criticize|criticized|object|objected|reject|rejected|want|wanted|fear|feared|favour|favor|welcome|welcomed|protest|protested|think|thinks|thought|believe|believes|believed|angry|upset|worried|concerned|furious|unhappy|pleased|happy|disappointed|surprised|frustrated|outraged)\b/iu;
/** What someone says, argues or warns: the reason they give for their stance. */
const STATED =
  /\b(?:says?|said|saying|argues?|argued|arguing|warns?|warned|warning|claims?|claimed|claiming|insists?|insisted|insisting)\b/giu;
/**
 * "…stayed at home, as there was no bus": "as" opening a clause (a subject follows), not
 * "as a teacher" or "as well".
 */
const CAUSAL_AS =
  /\bas\s+(?:only\b|(?:he|she|they|it|we|i|you|there|his|her|their|its|those|these|many|most|some|few|no)\b|(?:the\s+)?\p{Ll}+s\s+(?:\p{Ll}+ed|were|are|had|have|rose|fell|grew|began|saw|took|lost|left|kept|felt|thought|sought|struggled)\b)/giu;
/** A "when" about something still to come: "when will …", "… going to …", "… due …", "… next …". */
function asksFuture(q: Question): boolean {
  return /^when\s+will\b|\bgoing\s+to\b|\b(?:due|next|upcoming|scheduled|expected)\b/iu.test(
    q.text,
  );
}
/** Words that put what a sentence tells in the future. */
const FUTURE =
  /\b(?:will|won't|shall|'ll|’ll|to be|is to|are to|due|expects?|expected|scheduled|set to|next|upcoming|later this|tomorrow|plans?|planned|going to|would)\b/iu;
/** "in Calloway", "near the Tarrow"; not "according to Labor Department figures". */
const PLACE_CUE =
  /\b(?<![Aa]ccording\s)(?:in|at|to|from|near|into|across|outside|inside)\s+(?:the\s+)?\p{Lu}[\p{L}.-]*/gu;

/** A span of a sentence's text: [start, end) in its own offsets. */
export type Span = [number, number];

function matches(text: string, re: RegExp, keep: (m: string) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(re)) if (keep(m[0])) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * "…visited Calloway to promote the festival", "voted to hold Ivo Tamm in contempt": "to" and
 * a verb taking an object is a purpose. Without a tagger, a verb is a word compromise's
 * lexicon calls one, or a lowercase word followed by what an object starts with (a
 * determiner, a name, another word that is not a preposition) — not "went to court on Monday".
 */
function purposes(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/\bto\s+(\p{Ll}+)(?:\s+([\p{L}’']+))?/gu)) {
    const [word, next] = [m[1]!, m[2]];
    if (NOT_VERBS.has(word)) continue;
    const takesObject = next !== undefined && !AFTER_NOUN.has(next.toLowerCase());
    if (isBaseVerb(word) || takesObject) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
/** Words after "to" that are no verb. */
const NOT_VERBS = wordSet(
  'have been the a an his her its their our my your this that these those be date me him them us it',
);
/** Words that follow a noun after "to" ("to court on Monday"), not a verb's object. */
const AFTER_NOUN = wordSet(
  'in on at for from by with about of into over after before and or but as than since until during through is was were are has had have will would',
);

/** A "where" that asks for a place inside a country. */
const ASKS_WITHIN_COUNTRY =
  /\b(?:which|what)\s+(?:\p{L}+\s+)?(?:states?|city|cities|towns?|villages?|provinces?|regions?|county|counties|districts?|neighbou?rhoods?|streets?|suburbs?)\b/iu;
/** "Where in France …": the country the place asked for is in. */
const WHERE_IN = /^[Ww]here\s+in\s+(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)/u;
/** A place cue's name: "in the US" → "US". */
function placeName(span: string): string {
  return span.replace(/^(?:in|at|to|from|near|into|across|outside|inside)\s+(?:the\s+)?/iu, '');
}
function isCountryName(place: ReturnType<typeof lookupPlace>): boolean {
  return place !== undefined && (place.form === 'name' || place.form === 'alias');
}

/** An organisation that is also a place one can be at: "the Ashby Library", "Tarrow Stadium". */
const VENUE =
  /\b(?:Library|Theatre|Theater|Stadium|Hall|Museum|Gallery|Centre|Center|Park|Hospital|Church|Cathedral|Palace|Arena|Academy|University|College|School|Court|HQ|Headquarters|Airport|Station|Hotel)\b/u;

/** "in Calloway" is a place cue; "in January" and "in France" when France was asked are not. */
function newPlaceCue(cue: string, q: Question): boolean {
  const word = cue
    .split(/\s+/u)
    .at(-1)!
    .toLowerCase()
    .replace(/[.-]+$/u, '');
  return !NOT_PLACES.test(word) && !q.names.includes(word);
}
const NOT_PLACES = new RegExp(`^(?:${MONTHS_AND_DAYS}|the)$`, 'u');

/** Does the question itself name this actor (by any word of its names)? */
export function askedAbout(actor: Actor, q: Question): boolean {
  return [actor.name, ...actor.aliases].some((f) =>
    f
      .toLowerCase()
      .split(/\W+/)
      .some((w) => q.names.includes(w) || q.setAside.includes(w)),
  );
}

/** Mentions of actors of the type that the question does not itself name, in sentence offsets. */
function newActors(s: SentenceView, q: Question, type: Actor['type']): Span[] {
  const { actors } = s.article.analysis;
  const { sentenceStart, sentenceEnd, mentions } = mentionsIn(s);
  const spans: Span[] = [];
  for (const m of mentions) {
    if (m.end > sentenceEnd) continue;
    const actor = actors[m.actor];
    if (actor && actor.type === type && !askedAbout(actor, q))
      spans.push([m.start - sentenceStart, m.end - sentenceStart]);
  }
  return spans;
}

/**
 * "Who did Quist summon?" — "… summoned the most senior Belmoran diplomat": someone described
 * by a role noun the question does not use answers a "who" as well as a name does. The role
 * nouns' offsets in the sentence's text.
 */
export function describedSomeone(s: SentenceView, q: Question): Span[] {
  const asked = new Set(q.words);
  const spans: Span[] = [];
  for (const m of s.text.matchAll(/\p{L}+/gu)) {
    const w = m[0].toLowerCase();
    if (!ROLE_NOUNS.has(w) || asked.has(w)) continue;
    // "President-elect Mara Quist", "the mayor, Ivo Brannock," and "Ivo Brannock, the mayor":
    // a title beside a name is that named person's, not someone new.
    const after = s.text.slice(m.index + m[0].length).match(/^(?:-\p{L}+)?,?\s+(\S)/u)?.[1];
    const before = s.text.slice(Math.max(0, m.index - 40), m.index);
    const titled = (!!after && /\p{Lu}/u.test(after)) || NAME_THEN_TITLE.test(before);
    if (!titled) spans.push([m.index, m.index + m[0].length]);
  }
  // "Police arrested a 45-year-old man": someone described by age or kind, not by a role.
  // Not the question's own words ("… imagining Trump as a woman").
  const questionWords = new Set(q.text.toLowerCase().match(/\p{L}+/gu));
  for (const m of s.text.matchAll(SOMEONE_DESCRIBED))
    if (!questionWords.has(m[1]!)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
const SOMEONE_DESCRIBED =
  /\b(?:a|an)\s+(?:\d+-year-old\s+|\p{Ll}+\s+){0,2}(man|woman|boy|girl|teenager|youth|couple|pensioner)\b/gu;

/** A name, a comma and the start of an apposition: "Ivo Brannock, the town's " before "mayor". */
const NAME_THEN_TITLE =
  /\p{Lu}[\p{L}'’-]+,\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[\p{L}'’-]+\s+){0,2}$/u;

/**
 * Where in the sentence it holds what the question asks for: the amounts, counts, dates,
 * places, causes, or people (new to the question, or described by a role). Empty when it
 * holds none; null for a kind of question that asks for no particular thing.
 */
export function answerSpans(q: Question, s: SentenceView): Span[] | null {
  const text = s.text;
  switch (q.kind) {
    case 'howMany': {
      // A sentence that names the counted noun must count it, not something beside it.
      if (q.counted && namesCommonNoun(text, q.counted)) return countsOf(text, q.counted);
      // "How many times …" — "won the title twice".
      const repeats = q.counted && concept(q.counted) === TIMES ? matches(text, REPEATS) : [];
      // "one such article", "one of them": "one" is seldom the count asked for.
      // Nor a count of times or of time ("met six times", "a 45-year-old") when the noun asked
      // about is something else: that counts the meetings or the years.
      const notTime = !!q.counted && !TIME_UNIT.test(q.counted);
      const counts = matches(text, COUNTS).filter(([a, b]) => {
        const n = text.slice(a, b);
        // Nor a day of the month ("on 3 March", "March 3").
        const unit = notTime && TIME_UNIT_AFTER.test(text.slice(b));
        return (
          !YEAR_ONLY.test(n.replace(/,/g, '')) &&
          !/^one$/iu.test(n) &&
          !dayOfMonth(text, a, b) &&
          !unit
        );
      });
      return [...repeats, ...counts];
    }
    case 'howMuch':
      // "What share …", "what interest rate …": a percentage or a fraction, not a sum.
      if (ASKS_SHARE.test(q.text)) return matches(text, SHARE);
      if (q.asksMoney) return matches(text, MONEY);
      // "By what margin …" is not answered by "six weeks from now"; "how long" is.
      return matches(text, AMOUNT, (a) => ASKS_DURATION.test(q.text) || !DURATION.test(a));
    case 'when':
      // "When will the vote be held?" is not answered by the date of a vote already held.
      return asksFuture(q) && !FUTURE.test(text) ? [] : matches(text, DATE);
    case 'where': {
      const spans = [
        ...newActors(s, q, 'place'),
        ...newActors(s, q, 'organization').filter(([a, b]) => VENUE.test(text.slice(a, b))),
        ...matches(text, PLACE_CUE, (m) => newPlaceCue(m, q)),
      ];
      // "Which state …", "which city …": a country is not the answer; "where in Norway …":
      // no place the gazetteer puts in another country is.
      const within = WHERE_IN.exec(q.text)?.[1];
      const country = within ? lookupPlace(within)?.country : undefined;
      return spans.filter(([a, b]) => {
        const place = lookupPlace(placeName(text.slice(a, b)));
        if (ASKS_WITHIN_COUNTRY.test(q.text) && isCountryName(place)) return false;
        return !country || !place || place.country === country;
      });
    }
    case 'why':
      return [
        ...matches(text, CAUSE),
        ...matches(text, CAUSAL_AS),
        ...purposes(text),
        ...(ASKS_STANCE.test(q.text) ? matches(text, STATED) : []),
      ];
    case 'who':
      if (q.wanted === 'organization') return newActors(s, q, 'organization');
      return [
        ...newActors(s, q, 'person'),
        ...describedSomeone(s, q),
        ...(q.wanted === 'either' ? newActors(s, q, 'organization') : []),
      ];
    default:
      return null;
  }
}
