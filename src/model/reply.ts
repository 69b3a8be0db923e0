import type { Answer } from './answer.ts';
import type { Briefing } from './briefing.ts';

/**
 * What the core hands a chat adapter: the adapter decides how it looks on its platform,
 * never what it says.
 */
export type Reply =
  | { kind: 'briefing'; briefing: Briefing }
  | { kind: 'answer'; answer: Answer }
  /** A short message; `ephemeral` ones are shown only to the person who asked, where possible. */
  | { kind: 'text'; text: string; ephemeral: boolean }
  /** A scheduled digest for one slot of a subscription. */
  | { kind: 'digest'; digest: Digest };

/** One slot's digest: what is new since the last one, or a one-line "nothing new". */
export interface Digest {
  /**
   * Names the subscription and slot ("12@2026-03-29T07:00Z"). Shown small under the digest,
   * so a resend after a crash can find it in the channel, and never posted twice where the
   * platform can tell (Discord nonce, Slack message metadata).
   */
  key: string;
  /** The slot as people read it: "Sun 29 Mar 2026, 08:00 (Europe/London)". */
  slotLabel: string;
  /** Sent after its time, because the bot was down when it was due. */
  late: boolean;
  topicTitle: string;
  /** The briefing over what is new since the last delivered digest; null when nothing is. */
  briefing: Briefing | null;
}

export const textReply = (text: string, ephemeral = false): Reply => ({
  kind: 'text',
  text,
  ephemeral,
});

/** The recorded briefing a reply carries (a briefing, or a digest of one): its thread is about it. */
export function briefingIdOf(reply: Reply): number | null {
  if (reply.kind === 'briefing') return reply.briefing.id;
  if (reply.kind === 'digest') return reply.digest.briefing?.id ?? null;
  return null;
}
