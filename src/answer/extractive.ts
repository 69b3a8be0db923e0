import type { Answer, Citation } from '../model/answer.ts';
import type { StoredArticle } from '../model/article.ts';
import type { ArticleStore } from '../store/ports/articles.ts';
import { answerPlaced, namesSomeoneBesideQuotes } from './answer-position.ts';
import { answerSpans, askedAbout, countsNoun } from './answer-type.ts';
import {
  CONTEXT_SHARE,
  conceptsOf,
  resolveActor,
  type SentenceView,
  sentenceViews,
  withWhatFollows,
} from './entities.ts';
import { parseQuestion, type Question } from './question.ts';
import type { AskedNoun } from './question-kind.ts';
import { better, quoteAnswer, type Scored } from './quote-answer.ts';
import { kindBonus, roleBonus, roleMatch } from './rerank.ts';
import { articlesOfBriefing, candidateArticles } from './retrieve.ts';
import { concept, isLeadingConcept } from './stem.ts';
import { whoEvidence } from './who-evidence.ts';

/**
 * The embedded answerer: extractive, so every answer is a sentence from a stored article,
 * cited and verbatim. It looks in the briefing's articles first, then in the whole store, and
 * says plainly when no sentence covers enough of the question or when what the question
 * names is in none of the articles.
 */

/** Share of the question's (rarity-weighted) words a sentence must contain to count. */
const MIN_COVERAGE = 0.5;
/** What a sentence that counts the noun a "how many" asks about must cover, of the usual. */
const COUNTED_SHARE = 0.7;
/** The share an answer from outside the briefing's articles must cover. */
const STORE_COVERAGE = 0.75;
/** A "who" question's description a sentence must hold to answer without its other words. */
const WHO_COVERAGE = 0.6;
/**
 * Weight of a question word no sentence has: low, because such words are usually the asker's
 * phrasing ("targets"), while the words the articles share carry the subject.
 */
const UNSEEN_WEIGHT = 0.5;
/** Verbs that carry little meaning of their own, as concepts. */
const LIGHT_VERBS = new Set(
  'go get make take come give put do have keep let use want seem'.split(' ').map(concept),
);
/**
 * What a person's role holding the question's words adds ("Who runs the centre?" — its
 * director, named anywhere); more than half of the words make the role evidence by itself.
 */
const ROLE_WEIGHT = 0.4;
/** What naming the person asked for right beside the question's words adds to a sentence. */
const PLACED_BONUS = 0.3;
/** What naming the one asked for adds to a "who" answer that only a description would give. */
const NAMED_BONUS = 0.2;

function bestSentence(
  articles: StoredArticle[],
  q: Question,
  minCoverage = MIN_COVERAGE,
): Scored | null {
  if (q.kind === 'say') return quoteAnswer(articles, q);
  const words = [...new Set(q.words.map(concept))];
  if (words.length === 0) return null;
  const names = q.names.map(concept);
  // Light verbs ("go", "get", "make") say too little to be what a sentence must share.
  const said = words.filter((w) => !names.includes(w) && !LIGHT_VERBS.has(w));
  // "How many people were hurt?": a sentence that counts people is not about the hurt unless
  // it says so; the noun counted is the kind of answer, not what is asked of it.
  const counted = q.counted ? concept(q.counted) : null;
  const predicates = said.some((w) => w !== counted) ? said.filter((w) => w !== counted) : said;
  // "How many children did Ada have?" asks nothing of the children but their count, which
  // "Ada, a mother of three" gives without the word.
  const onlyCounted = counted !== null && predicates.every((w) => w === counted);
  // For "who leads X": the words for X.
  const ledThing =
    q.kind === 'who' && words.some(isLeadingConcept)
      ? predicates.filter((w) => !isLeadingConcept(w)).concat(names)
      : [];
  const measured = q.text.match(MEASURE) ?? [];
  const byArticle = articles.map(sentenceViews);
  const views = byArticle.flat();
  spellOutAcronyms(q, views);
  // Rarer words count more: a sentence that shares "mccallum" beats one that shares "iran".
  const df = new Map<string, number>();
  for (const v of views)
    for (const w of words) if (v.concepts.has(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const total = views.length + 1;
  const weight = (w: string): number => {
    const n = df.get(w) ?? 0;
    return n === 0 ? UNSEEN_WEIGHT : Math.log(1 + total / (1 + n));
  };
  const possible = words.reduce((n, w) => n + weight(w), 0);
  const asked = new Set(words);
  let best: Scored | null = null;
  for (const [k, article] of articles.entries()) {
    const own = byArticle[k]!;
    // An article that has none of the question's names is not about what was asked.
    const everything = new Set([
      ...conceptsOf(article.title),
      ...own.flatMap((v) => [...v.concepts]),
    ]);
    if (!names.every((n) => everything.has(n))) continue;
    const subjectActor = q.subject ? resolveActor(article, q.subject) : -1;
    // "Which town is Kettle singing in?" — "Kettle will give a concert in Calloway": with one
    // predicate, said in other words, the answer right beside the names will do; only when no
    // sentence of the article says the question's word (a headline may), for when one does,
    // that is where the answer is.
    // Not the noun a "how many" counts: "How many grandchildren …" is no "father of four".
    const mayParaphrase =
      predicates.length === 1 &&
      q.kind !== 'who' &&
      predicates[0] !== counted &&
      !own.some((v) => v.concepts.has(predicates[0]!));
    // "Who coaches Tobin Hale?": a sentence naming Hale beside someone else does not say who.
    const asksAboutPerson =
      q.kind === 'who' &&
      article.analysis.actors.some((a) => a.type === 'person' && askedAbout(a, q));
    for (const single of own) {
      const view = withWhatFollows(single, own[single.index + 1]);
      const hits = words.filter((w) => view.concepts.has(w));
      // The sentence before sets the scene ("the network" after "RT"): its words count less.
      const before = own[view.index - 1];
      const prev = before?.concepts;
      const context = prev ? words.filter((w) => !view.concepts.has(w) && prev.has(w)) : [];
      const coverage =
        (hits.reduce((n, w) => n + weight(w), 0) +
          CONTEXT_SHARE * context.reduce((n, w) => n + weight(w), 0)) /
        possible;
      // "Some 41 critics voted in the poll": a count of the very noun asked about, with another
      // of the question's words, may leave out a name the sentence before gave.
      const counts =
        q.kind === 'howMany' &&
        !!q.counted &&
        (hits.length >= 2 || onlyCounted) &&
        countsNoun(view.text, q.counted);
      if (hits.length === 0 || coverage < minCoverage * (counts ? COUNTED_SHARE : 1)) continue;
      // Sharing only the names asked about is not an answer to what was asked of them; a
      // "who is the X of Y" whose X and Y the sentence holds, beside someone else, is.
      const described = q.kind === 'who' && coverage >= WHO_COVERAGE;
      // Only a question put as a description may be answered by its names alone: "Who
      // directed the play?" needs the directing, not a sentence about the play.
      const namesDescribe = described && q.describes && !asksAboutPerson;
      // A question of names alone ("Where is Saltmarsh Holdings based?") wants them all, not
      // one of them as a common word ("held").
      const sharesPredicate =
        predicates.length === 0
          ? names.every((n) => view.concepts.has(n))
          : predicates.some((w) => view.concepts.has(w)) || (onlyCounted && counts);
      // What the question asks for in this sentence, and whether it stands by the question's
      // words: worked out once, and only for a sentence that gets this far.
      const spans = answerSpans(q, view);
      let isPlaced: boolean | undefined;
      const placedHere = (): boolean => (isPlaced ??= answerPlaced(q, view, asked, spans));
      const paraphrased = mayParaphrase && placedHere();
      if (!sharesPredicate && !namesDescribe && !paraphrased) continue;
      // "How much did Portline's shares rise?" is not answered by a sentence about Saltmarsh's:
      // the sentence, or the one before it, names what was asked about. Not for "how many",
      // whose counts often follow the sentence that names what they count.
      if (
        q.kind !== 'howMany' &&
        names.length > 0 &&
        !names.some((n) => view.concepts.has(n) || (prev?.has(n) ?? false))
      )
        continue;
      if (measured.length > 0 && contradictsMeasure(view.text, measured)) continue;
      // "Who leads the inquiry?": a sentence must name what is led, not only someone's chief.
      if (ledThing.length > 0 && !ledThing.some((w) => view.concepts.has(w))) continue;
      // "Which engineer built …?": a sentence about the bridge that says neither "engineer"
      // (here, in a role, or in the next sentence) nor "built" names no one.
      if (q.askedPerson && !answersTo(q.askedPerson, view, own[view.index + 1])) continue;
      // "Who is the boss of Saltmarsh Oil?": the answer's own sentence names what was asked
      // about, or, right after the sentence that names it, stands for it by a pronoun ("Lusk
      // accepted his resignation" after "Hale resigned") or says all the question asks of it
      // ("Varden scored twice" after "Calloway won the cup").
      const namesItself =
        names.length === 0 ||
        names.some((n) => view.concepts.has(n)) ||
        (!!before &&
          names.some((n) => opensWith(before, n)) &&
          (PRONOUN.test(view.text) ||
            (predicates.length > 0 && predicates.every((w) => view.concepts.has(w)))));
      const found =
        q.kind === 'who' && namesItself ? whoEvidence(q, view, own, placedHere(), described) : null;
      // A sentence without what the question asks for (an amount, a date, a person …) is no answer.
      const byRole = roleMatch(q, view, words);
      // "Trade doubled that year. This was largely because …": the cause is the next sentence.
      const causeAfter =
        q.kind === 'why' && spans?.length === 0 && givesCauseOfBefore(own[view.index + 1]);
      const typed = spans === null || spans.length > 0 || causeAfter;
      if (!found && !(q.kind === 'who' ? byRole > 0.5 : typed)) continue;
      const placed = !!found || (q.kind !== 'who' && placedHere());
      // "Who is in charge …?": a sentence that names someone ("X, the finance minister,
      // argued …") beats one that only describes them ("the finance minister said").
      const named = found === view.text && namesSomeoneBesideQuotes(q, view);
      const bonus =
        (named ? NAMED_BONUS : 0) +
        kindBonus(q, view) +
        (subjectActor >= 0 ? roleBonus(view, subjectActor) : 0) +
        ROLE_WEIGHT * byRole +
        (placed ? PLACED_BONUS : 0);
      const sentence =
        found ??
        (causeAfter ? `${view.text} ${own[view.index + 1]!.text}` : withCauseBefore(q, view, own));
      best = better(best, { article, sentence, score: coverage + bonus });
    }
  }
  // "31 Volunteers Rebuild the Pier": a headline that counts what a "how many" asks about, with
  // the question's names and enough of its words, answers when no sentence of the story does.
  if (best || q.kind !== 'howMany' || !q.counted) return best;
  for (const article of articles) {
    const title = new Set(conceptsOf(article.title));
    const covered = words.reduce((n, w) => n + (title.has(w) ? weight(w) : 0), 0) / possible;
    // Stricter than for a sentence: a headline is short, so it must say all the question asks.
    const says = predicates.every((w) => title.has(w));
    if (!names.every((n) => title.has(n)) || !says || covered < minCoverage) continue;
    if (countsNoun(article.title, q.counted))
      best = better(best, { article, sentence: article.title, score: covered });
  }
  return best;
}

/** A number with its unit written on: "200m", "5,000m", "10km", "50kg". */
const MEASURE = /\b\d[\d,.]*(?:m|km|kg|mph|kph|cm|mm)\b/giu;

/**
 * "Who won the 200m?": a sentence about the 60m and not the 200m is about another race,
 * however many other words it shares.
 */
function contradictsMeasure(text: string, asked: readonly string[]): boolean {
  const found = text.match(MEASURE) ?? [];
  const unit = (m: string): string => m.replace(/^[\d,.]+/u, '').toLowerCase();
  const has = (m: string): boolean => found.some((f) => f.toLowerCase() === m.toLowerCase());
  return asked.some((m) => !has(m) && found.some((f) => unit(f) === unit(m)));
}

/** Does the sentence, or the next one, call someone by the noun asked about, or say the verb? */
function answersTo(asked: AskedNoun, view: SentenceView, next: SentenceView | undefined): boolean {
  // concept() reads an abbreviated title ("Sen.") as the title itself.
  const c = concept(asked.noun);
  if (view.concepts.has(c) || (next?.concepts.has(c) ?? false)) return true;
  return asked.verb !== null && view.concepts.has(concept(asked.verb));
}

const PRONOUN = /\b(?:he|she|his|her|him|it|its|they|their|them)\b/iu;

/**
 * Does the sentence open with the word ("Calloway won the cup …", "X's minister, Tobin Hale,
 * resigned")? What a sentence opens with is what the next one goes on about; a name further
 * on ("… beating Selby") is not.
 */
function opensWith(s: SentenceView, c: string): boolean {
  for (const m of s.text.slice(0, OPENING_CHARS).matchAll(/\p{L}+/gu))
    if (concept(m[0]) === c) return true;
  return false;
}
/** How far into a sentence its opening reaches. */
const OPENING_CHARS = 45;

/** "As a result, …", "That is why …": the cause is the sentence before, cited with it. */
const BACK_TO_CAUSE =
  /^(?:as a result|as a consequence|consequently|because of (?:this|that)|that is why|this is why|that's why|for (?:this|that) reason|therefore|thus)\b/iu;

/** Does the sentence open by giving the cause of the one before ("This was partly because …")? */
function givesCauseOfBefore(next: SentenceView | undefined): boolean {
  return next !== undefined && CAUSE_OF_BEFORE.test(next.text);
}
const CAUSE_OF_BEFORE =
  /^(?:this|that|it)\s+(?:is|was|has been)\s+(?:\p{L}+ly\s+)?(?:because|due to|down to|the result of|caused by|a result of)\b/iu;

function withCauseBefore(q: Question, view: SentenceView, own: SentenceView[]): string {
  const before = own[view.index - 1];
  return q.kind === 'why' && before && BACK_TO_CAUSE.test(view.text)
    ? `${before.text} ${view.text}`
    : view.text;
}

/**
 * "Why was she taken from the ER?" — "…the emergency room": an acronym in the question meets
 * the words whose initials spell it, in an article that uses the acronym itself somewhere (so
 * "earnings report" in another story is not the ER).
 */
function spellOutAcronyms(q: Question, views: SentenceView[]): void {
  for (const acronym of q.text.match(/\b\p{Lu}{2,4}\b/gu) ?? []) {
    const spelled = new RegExp(
      `\\b${[...acronym].map((c) => `${c}\\p{L}+`).join('\\s+')}\\b`,
      'iu',
    );
    const own = new RegExp(`\\b${acronym}\\b`, 'u');
    const uses = new Map<StoredArticle, boolean>();
    const usesIt = (a: StoredArticle): boolean => {
      let known = uses.get(a);
      if (known === undefined) {
        known = own.test(a.title) || own.test(a.text);
        uses.set(a, known);
      }
      return known;
    };
    const c = concept(acronym);
    for (const v of views)
      if (!v.concepts.has(c) && spelled.test(v.text) && usesIt(v.article)) v.concepts.add(c);
  }
}

function cite(a: StoredArticle, sentence: string): Citation {
  return {
    articleId: a.id,
    title: a.title,
    sentence,
    source: a.source,
    url: a.url,
    origin: a.origin,
    publishedAt: a.publishedAt,
  };
}

export async function answerQuestion(
  articles: ArticleStore,
  question: string,
  briefingArticles: number[],
): Promise<Answer> {
  const q = parseQuestion(question);
  const notFound = (scope: Answer['scope']): Answer => ({
    question,
    found: false,
    answer: "I couldn't find that in the stored articles, so I won't guess.",
    citations: [],
    scope,
  });
  if (q.words.length === 0) return notFound('briefing');
  const answered = (best: Scored, scope: Answer['scope']): Answer => ({
    question,
    found: true,
    answer: best.sentence,
    citations: [cite(best.article, best.sentence)],
    scope,
  });
  if (briefingArticles.length > 0) {
    const candidates = await articlesOfBriefing(articles, q, briefingArticles);
    const inBriefing = bestSentence(candidates, q);
    if (inBriefing) return answered(inBriefing, 'briefing');
  }
  // Past the briefing's own articles, an answer must share more of the question: another
  // story that shares its names and topic is the likeliest wrong answer.
  const elsewhere = bestSentence(
    await candidateArticles(articles, q, {}),
    q,
    briefingArticles.length > 0 ? STORE_COVERAGE : MIN_COVERAGE,
  );
  if (elsewhere) return answered(elsewhere, 'store');
  return notFound('store');
}
