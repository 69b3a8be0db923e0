import type { EntityType } from '../model/analysis.ts';
import type { NameSpan } from './name-span.ts';
import type { Gender } from './person-gender.ts';

/** One entity of an article while its mentions are merged (actors.ts), before it is an Actor. */
export interface ActorDraft {
  key: string;
  type: EntityType;
  /** Surface forms in order of first appearance, with counts. */
  surfaces: Map<string, number>;
  mentionSpans: NameSpan[];
  first: number;
  gender: Gender;
  role: string | null;
  /** Set for places found in the gazetteer: the country's common name. */
  country?: string;
  /** Offsets of its latest mention, and of its latest mention as a sentence's first person. */
  lastMention: number;
  lastSubject: number;
}
