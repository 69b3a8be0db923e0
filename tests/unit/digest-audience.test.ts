import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/build.ts';
import { loadTopics, type Topic } from '../../src/briefing/topics.ts';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { BUILTIN_TOPICS_DIR } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { buildDigest, digestAudience } from '../../src/schedule/digest.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import type { Subscription } from '../../src/store/ports/subscriptions.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { tempDir } from '../helpers/cli.ts';

/**
 * A digest is the one briefing pipeline for an audience: what that audience was told comes from
 * the briefing log, and only a digest the platform confirmed counts as told.
 */
describe('digests through the one briefing pipeline', () => {
  const tmp = tempDir();
  let stores: Stores;
  let topics: Topic[];
  let sub: Subscription;
  // Ingested "now"; digests are built later, so every article arrived before them.
  let clock = new Date('2026-03-20T09:00:00Z');
  const later = (minutes: number): Date => new Date(clock.getTime() + minutes * 60_000);

  beforeAll(async () => {
    stores = openSqliteStore(join(tmp.dir, 'digest.db'), { now: () => clock });
    topics = loadTopics(BUILTIN_TOPICS_DIR).topics;
    await ingestPaths(stores, [DEMO_ARTICLES]);
    sub = await stores.subscriptions.save({
      platform: 'slack',
      workspace: 'T1',
      channel: 'C1',
      topic: DEMO_TOPIC,
      schedule: 'daily 08:00',
      timezone: 'UTC',
      createdBy: 'test',
    });
  });
  afterAll(async () => {
    await stores.close();
    tmp.cleanup();
  });

  it('records a digest as pending, and an unconfirmed one is not what the channel was told', async () => {
    clock = later(60);
    const first = await buildDigest(stores, topics, sub, clock, false, clock);
    expect(first.briefingId).not.toBeNull();
    const recorded = await stores.briefings.get(first.briefingId!);
    expect(recorded).toMatchObject({ audience: digestAudience(sub.id), delivered: false });
    expect(await stores.briefings.last(DEMO_TOPIC, digestAudience(sub.id))).toBeNull();

    // The send failed (nothing confirmed): the next slot still carries the same articles.
    clock = later(60 * 24);
    const retry = await buildDigest(stores, topics, sub, clock, false, clock);
    expect(retry.digest.briefing?.sources.map((s) => s.articleId)).toEqual(
      first.digest.briefing?.sources.map((s) => s.articleId),
    );

    // Confirmed: the slot after that has nothing new.
    await stores.briefings.markDelivered(retry.briefingId!);
    clock = later(60 * 24);
    const next = await buildDigest(stores, topics, sub, clock, false, clock);
    expect(next).toMatchObject({ briefingId: null, digest: { briefing: null } });
  });

  it('keeps audiences apart: a digest does not tell a CLI reader anything', async () => {
    const brief = await buildBriefing(stores, topics, {
      topic: DEMO_TOPIC,
      now: clock,
      audience: 'cli:someone',
      news: 'lead',
    });
    expect(brief.notes[0]).toMatch(/No earlier briefing .* everything here is new to you/);
    expect(brief.stories.every((s) => s.isNew === false)).toBe(true);
  });
});
