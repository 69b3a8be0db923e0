import type { ActorDraft } from './actor-draft.ts';
import type { Gender } from './person-gender.ts';
import type { QuoteSpan } from './quote-spans.ts';
import type { Token } from './text/tokens.ts';

/**
 * What attribution reads, built once per article (quotes.ts, speaker-index.ts) and shared by
 * the speaker modules: each named mention, and the lookups over them.
 */

/** An actor index, or a name the recogniser missed. */
export type Speaker = number | string;

export interface SpeakerMention {
  start: number;
  end: number;
  actor: number;
  person: boolean;
  /** Countries and cities speak only as the subject of a speech verb ("Marrowby said …"). */
  place: boolean;
  sentence: number;
  /** Named inside a quotation: talked about, so never what a pronoun cue points back to. */
  quoted: boolean;
  /** The first person named in its sentence: what a later "he" most likely points back to. */
  subject: boolean;
  gender: Gender;
}

export interface SpeakerContext {
  tokens: Token[];
  /** Per token: does it lie inside a quotation? */
  quoted: boolean[];
  /** In order of their starts. */
  speakers: SpeakerMention[];
  speakerAt: Map<number, SpeakerMention>;
  /** The mention ending at an offset (the first in speakerAt's order). */
  speakerEndingAt: Map<number, SpeakerMention>;
  /**
   * Person mentions a "she" (female), a "he" (male) or "the actor" (any) can point back to,
   * and organisation mentions "it" or "the magazine" can, in order.
   */
  pronounTargets: Record<'female' | 'male' | 'any' | 'organisation', SpeakerMention[]>;
  /**
   * Organisations a description ("the magazine") was resolved to, and people who issued a
   * document ("the statement by spokesman X"), by the description's start, in order: the
   * latest thing an "it" can point back to.
   */
  describedOrganisations: Array<{ start: number; sentence: number; actor: number }>;
  /** The first person actor with this last name, lowercase. */
  personByLastName: Map<string, number>;
  names: string[];
  quoteSpans: QuoteSpan[];
  /**
   * Per sentence: how many sentences before it say something outside quotes. A pronoun's
   * reach counts these, so a paragraph of quoted words does not put its speaker out of reach.
   */
  narrativeBefore: number[];
  /** Per paragraph: the actor named by a transcript label ("QUIST: …"), if any. */
  labels: Map<number, Speaker>;
  text: string;
  drafts: ActorDraft[];
}
