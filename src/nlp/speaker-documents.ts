import type { SpeakerContext } from './speaker-context.ts';
import { wordSet } from './text/lexicon.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * Documents a named person issued: "said the statement by spokeswoman Ilsa Hale". A later "it
 * said" most often means the document, and so the person who issued it: the speaker the
 * reader would name.
 */

const DOCUMENTS = wordSet('statement communique communiqué release letter memo report note');

/** Lower-case words that may stand between "by" and the name: a title ("spokesman"). */
const TITLE_REACH = 3;

/** Where each document by a named person is mentioned, in order: what "it" can point back to. */
export function documentsByPeople(
  ctx: Pick<SpeakerContext, 'tokens' | 'quoted' | 'speakerAt'>,
): Array<{ start: number; sentence: number; actor: number }> {
  const out: Array<{ start: number; sentence: number; actor: number }> = [];
  const { tokens } = ctx;
  tokens.forEach((t, i) => {
    if (!DOCUMENTS.has(t.lower) || ctx.quoted[i]) return;
    const by = tokens[i + 1];
    if (!by || (by.lower !== 'by' && by.lower !== 'from') || by.sentence !== t.sentence) return;
    for (let j = i + 2; j < tokens.length && j <= i + 2 + TITLE_REACH; j++) {
      const m = ctx.speakerAt.get(tokens[j]!.start);
      if (m) {
        if (m.person) out.push({ start: t.start, sentence: t.sentence, actor: m.actor });
        return;
      }
      if (!/^\p{Ll}/u.test(tokens[j]!.word)) return;
    }
  });
  return out;
}

/** What a newspaper or agency publishes, which speaks for it: "a commentary in the Gazette". */
const PUBLISHED = wordSet(
  'commentary editorial article column report statement communique communiqué letter memo message',
);

/**
 * "said a commentary in the official Harbour Gazette": the organisation a document at token i
 * appeared in or came from, when one is named within a few words; null otherwise.
 */
function documentSource(
  ctx: Pick<SpeakerContext, 'speakerAt'>,
  tokens: Token[],
  i: number,
): number | null {
  if (!PUBLISHED.has(tokens[i]?.lower ?? '')) return null;
  const by = tokens[i + 1]?.lower;
  if (by !== 'in' && by !== 'by' && by !== 'from') return null;
  for (let j = i + 2; j < tokens.length && j <= i + 2 + TITLE_REACH; j++) {
    if (breaksAfter(tokens[j - 1]!)) return null;
    const m = ctx.speakerAt.get(tokens[j]!.start);
    // A column by a person is that person's words, as a commentary in a paper is the paper's.
    if (m) return m.place ? null : m.actor;
    if (!/^\p{Ll}/u.test(tokens[j]!.word)) return null;
  }
  return null;
}

/** The source of the first document named at tokens [from, to). */
function sourceBetween(
  ctx: Pick<SpeakerContext, 'speakerAt'>,
  tokens: Token[],
  from: number,
  to: number,
): number | null {
  for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
    const source = documentSource(ctx, tokens, i);
    if (source !== null) return source;
  }
  return null;
}

/** "said a commentary in the Harbour Gazette": a document in the three words after the verb. */
export const documentSourceAfter = (
  ctx: Pick<SpeakerContext, 'speakerAt'>,
  tokens: Token[],
  verbAt: number,
): number | null => sourceBetween(ctx, tokens, verbAt + 1, verbAt + 4);

/** "The letter from Ivo Tamm said": a document in the few words before the verb at v. */
export const issuerBefore = (
  ctx: Pick<SpeakerContext, 'speakerAt'>,
  tokens: Token[],
  v: number,
): number | null => sourceBetween(ctx, tokens, v - 8, v - 2);
