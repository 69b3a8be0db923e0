import type { Answer } from '../answer/model.ts';
import type { Briefing } from '../briefing/model.ts';

/**
 * What the core hands a chat adapter: the adapter decides how it looks on its platform,
 * never what it says.
 */
export type Reply =
  | { kind: 'briefing'; briefing: Briefing }
  | { kind: 'answer'; answer: Answer }
  /** A short message; `ephemeral` ones are shown only to the person who asked, where possible. */
  | { kind: 'text'; text: string; ephemeral: boolean };

export const textReply = (text: string, ephemeral = false): Reply => ({
  kind: 'text',
  text,
  ephemeral,
});
