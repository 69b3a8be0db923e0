import { expect } from 'vitest';
import type { Briefing } from '../../src/model/briefing.ts';
import type { InboundHandlers } from '../../src/model/chat-port.ts';
import { DeliveryError } from '../../src/model/delivery-error.ts';
import type { ThreadRef } from '../../src/model/refs.ts';
import type { Digest, Reply } from '../../src/model/reply.ts';

/**
 * A digest as the scheduler hands it to an adapter, built by hand so the platform tests need no
 * stored articles: one story whose summary tries to ping the channel.
 */

export const DIGEST_KEY = '12@2026-03-29T07:00Z';
export const DIGEST_SLOT = 'Sun 29 Mar 2026, 08:00 (Europe/London)';

/** Platforms ping differently, so each test passes the summary that tries its own ping. */
export function briefing(
  summary = 'Harbour Watch says @everyone should read <@123> its report.',
): Briefing {
  const at = '2026-03-29T07:00:00.000Z';
  return {
    id: 41,
    topic: 'iran-uk',
    title: 'Iran and the United Kingdom',
    generatedAt: at,
    window: { since: '2026-03-28T07:00:00.000Z', until: at, label: '24h', fallback: false },
    summary: [
      {
        text: summary,
        articleId: 1,
        source: 1,
        story: 1,
      },
    ],
    quotes: [],
    actors: [],
    stories: [
      {
        n: 1,
        title: 'Harbour Watch speech',
        sources: [1],
        articleIds: [1],
        firstSeen: at,
        isNew: true,
        outlets: [],
        update: null,
      },
    ],
    sources: [
      {
        n: 1,
        articleId: 1,
        title: 'Iran tried to kidnap critics',
        source: 'Reuters',
        url: 'https://example.com/a',
        origin: 'https://example.com/a',
        publishedAt: at,
      },
    ],
    notes: [],
  };
}

export const digest = (over: Partial<Digest> = {}, summary?: string): Reply => ({
  kind: 'digest',
  digest: {
    key: DIGEST_KEY,
    slotLabel: DIGEST_SLOT,
    late: false,
    topicTitle: 'Iran and the UK',
    briefing: briefing(summary),
    ...over,
  },
});

/** Handlers for adapter tests that only post: they remember which threads were linked to briefings. */
export function linkRecorder(): {
  handlers: InboundHandlers;
  linked: Array<{ thread: ThreadRef; briefingId: number }>;
} {
  const linked: Array<{ thread: ThreadRef; briefingId: number }> = [];
  const handlers: InboundHandlers = {
    command: async () => ({ kind: 'text', text: 'unused', ephemeral: true }),
    autocomplete: async () => [],
    briefingPosted: async (thread, briefingId) => void linked.push({ thread, briefingId }),
    threadMessage: async () => null,
  };
  return { handlers, linked };
}

/** The DeliveryError a post or lookup rejects with; fails the test if it resolves or throws another. */
export async function deliveryFailure(p: Promise<unknown>): Promise<DeliveryError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DeliveryError);
  return e as DeliveryError;
}
