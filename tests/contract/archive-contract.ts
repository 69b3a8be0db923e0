import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/model/analysis.ts';
import { writeDump } from '../../src/store/dump.ts';
import { mergeDump } from '../../src/store/merge.ts';
import { ARCHIVE_TABLES, type ArchiveRow } from '../../src/store/ports/archive.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { article, storeAll } from './fixtures.ts';

/** Every table's rows, in archive order. */
export async function allRows(stores: Stores): Promise<Record<string, ArchiveRow[]>> {
  const out: Record<string, ArchiveRow[]> = {};
  for (const table of ARCHIVE_TABLES) {
    out[table.name] = [];
    for await (const row of stores.archive.rows(table)) out[table.name]!.push(row);
  }
  return out;
}

/** Copies every row of one store into another, table by table, as `import` does. */
export async function copyAll(from: Stores, to: Stores): Promise<void> {
  for (const table of ARCHIVE_TABLES) {
    const rows: ArchiveRow[] = [];
    for await (const row of from.archive.rows(table)) rows.push(row);
    await to.archive.insert(table, rows);
  }
  await to.archive.finishImport();
}

const ANALYSIS: Analysis = {
  sentences: [
    { start: 0, end: 38, text: 'The Portline ferry resumed on Monday.', paragraph: 0 },
    { start: 39, end: 78, text: 'Harbour master Ilse Varn welcomed it.', paragraph: 0 },
  ],
  mentions: [],
  actors: [],
  quotes: [],
  summary: [0, 1],
};

/** A store holding one of everything: an article with two sources, a briefing, a digest, a thread, a feed. */
export async function filledStore(stores: Stores): Promise<void> {
  const [id] = await storeAll(stores, [
    article({
      title: 'Portline ferry resumes',
      text: 'The Portline ferry resumed on Monday. Harbour master Ilse Varn welcomed it.',
      url: 'https://portline.example/ferry',
      publishedAt: '2026-03-02T08:00:00.000Z',
      analysis: ANALYSIS,
      analysisVersion: 5,
      via: 'feed:https://portline.example/rss',
    }),
    article({ title: 'Quay lights repaired', partial: true }),
  ]);
  const briefing = await stores.briefings.save({
    topic: 'portline',
    audience: 'slack:T1:C1',
    createdAt: '2026-03-02T09:00:00.000Z',
    window: '7d',
    articleIds: [id!],
    delivered: false,
  });
  await stores.threads.link('slack:T1:C1:1700.1', briefing);
  await stores.threads.addTurn('slack:T1:C1:1700.1', {
    subject: { name: 'Ilse Varn', type: 'person' },
    named: [],
    answered: [],
  });
  const sub = await stores.subscriptions.save({
    platform: 'slack',
    workspace: 'T1',
    channel: 'C1',
    topic: 'portline',
    schedule: 'daily 08:00',
    timezone: 'Europe/Oslo',
    createdBy: 'U1',
    whenEmpty: 'silent',
  });
  await stores.subscriptions.setPaused(sub.id, 'channel archived', '2026-03-03T00:00:00.000Z');
  const claimed = await stores.deliveries.claim({
    subscriptionId: sub.id,
    slot: '2026-03-02T07:00:00.000Z',
    by: 'replica-a',
    now: '2026-03-02T07:00:01.000Z',
    late: true,
    staleBefore: '2026-03-02T06:00:00.000Z',
  });
  await stores.deliveries.finish(
    claimed!.delivery.id,
    'replica-a',
    { state: 'sent', messageId: '1700.1', thread: 'slack:T1:C1:1700.1', briefingId: briefing },
    '2026-03-02T07:00:02.000Z',
  );
  const { feed } = await stores.feeds.add({
    url: 'https://portline.example/rss',
    topic: 'portline',
    everyMs: 9_000_000_000,
  });
  await stores.feeds.recordPoll(feed.id, {
    status: 'failed',
    at: '2026-03-02T10:00:00.000Z',
    nextPollAt: '2026-03-02T11:00:00.000Z',
    error: 'HTTP 503',
    newArticles: 0,
    skipped: [{ item: 'https://portline.example/x', reason: 'not an article' }],
  });
  await stores.feeds.markSeen(feed.id, ['guid-1', 'guid-2'], '2026-03-02T10:00:00.000Z');
}

/**
 * The archive port: what one store exports another imports whole, derived data rebuilt.
 * `makeStore` returns a new, empty store each call.
 */
export function describeArchiveContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`ArchiveStore contract: ${name}`, () => {
    let from: Stores;
    let to: Stores;
    beforeEach(async () => {
      from = await makeStore();
      to = await makeStore();
    });
    afterEach(async () => {
      await from.close();
      await to.close();
    });

    it('gives every table, and an emptied copy takes them back row for row', async () => {
      await filledStore(from);
      const rows = await allRows(from);
      expect(Object.fromEntries(Object.entries(rows).map(([t, r]) => [t, r.length]))).toEqual({
        articles: 2,
        article_sources: 3,
        briefings: 1,
        subscriptions: 1,
        thread_links: 1,
        deliveries: 1,
        feeds: 1,
        feed_seen: 2,
      });
      expect(await from.archive.counts()).toMatchObject({ articles: 2, feed_seen: 2 });
      expect(rows.articles![1]).toMatchObject({ partial: true, title: 'Quay lights repaired' });
      expect(rows.feeds![0]).toMatchObject({ every_ms: 9_000_000_000, failures: 1 });

      await copyAll(from, to);
      expect(await allRows(to)).toEqual(rows);
    });

    it('rebuilds search and sentences, and new rows take ids after the imported ones', async () => {
      await filledStore(from);
      await copyAll(from, to);
      const [hit] = await to.articles.search('ferry', {}, 5);
      expect(hit?.articleId).toBe(rows0(await allRows(from)));
      const sentences = await to.articles.searchSentences('harbour master', {}, 5);
      expect(sentences.map((s) => s.text)).toEqual(['Harbour master Ilse Varn welcomed it.']);
      const [fresh] = await storeAll(to, [article({ title: 'Lighthouse keeper retires' })]);
      expect(fresh).toBeGreaterThan(2);
      const briefing = await to.briefings.save({
        topic: 'portline',
        audience: 'cli:ana',
        createdAt: '2026-03-04T09:00:00.000Z',
        window: '7d',
        articleIds: [fresh!],
      });
      expect(briefing).toBeGreaterThan(1);
      expect(await to.feeds.seenKeys(1, ['guid-1', 'guid-3'])).toEqual(new Set(['guid-1']));
      expect(await to.threads.focus('slack:T1:C1:1700.1')).toBe('Ilse Varn');
    });
  });
}

export function describeArchiveMergeContract(name: string, makeStore: () => Promise<Stores>): void {
  describe(`ArchiveStore merge: ${name}`, () => {
    let from: Stores;
    let to: Stores;
    beforeEach(async () => {
      from = await makeStore();
      to = await makeStore();
    });
    afterEach(async () => {
      await from.close();
      await to.close();
    });

    it('keeps what both hold once, adds the rest, and moves every reference with its row', async () => {
      await filledStore(from);
      // The store already holds another article, the same ferry article, the channel's
      // subscription and the feed.
      const [own, ferry] = await storeAll(to, [
        article({ title: 'Harbour crane fails' }),
        article({
          title: 'Portline ferry resumes',
          text: 'The Portline ferry resumed on Monday.',
          url: 'https://portline.example/ferry',
        }),
      ]);
      const sub = await to.subscriptions.save({
        platform: 'slack',
        workspace: 'T1',
        channel: 'C1',
        topic: 'portline',
        schedule: 'daily 07:00',
        timezone: 'UTC',
        createdBy: 'U9',
      });
      const { feed } = await to.feeds.add({
        url: 'https://portline.example/rss',
        topic: null,
        everyMs: 60_000,
      });
      const lines: string[] = [];
      await writeDump(from.archive, (line) => void lines.push(line));
      async function* each() {
        yield* lines;
      }
      const merged = await mergeDump(each(), to.archive, 'dump.jsonl');
      expect(merged).toMatchObject({
        articles: { added: 1, present: 1 },
        briefings: { added: 1, present: 0 },
        subscriptions: { added: 0, present: 1 },
        thread_links: { added: 1, present: 0 },
        deliveries: { added: 1, present: 0 },
        feeds: { added: 0, present: 1 },
        feed_seen: { added: 2, present: 0 },
      });
      expect(await to.articles.countArticles({})).toBe(3);
      const briefingId = (await to.threads.briefingFor('slack:T1:C1:1700.1'))!;
      expect(briefingId).toBeGreaterThan(0);
      expect((await to.briefings.get(briefingId))?.articleIds).toEqual([ferry]);
      const [sent] = await to.deliveries.list(sub.id);
      expect(sent).toMatchObject({ state: 'sent', briefingId });
      expect(await to.feeds.seenKeys(feed.id, ['guid-1', 'guid-2'])).toEqual(
        new Set(['guid-1', 'guid-2']),
      );
      expect(await to.articles.sourcesOf(ferry!)).toContain('feed:https://portline.example/rss');
      // New rows after a merge take fresh ids.
      const [fresh] = await storeAll(to, [article({ title: 'Lighthouse keeper retires' })]);
      expect(fresh).toBeGreaterThan(Math.max(own!, ferry!));
    });
  });
}

function rows0(rows: Record<string, ArchiveRow[]>): number {
  return Number(rows.articles![0]!.id);
}
