import { dumpRecords, type ImportResult } from './dump.ts';
import type { ArchiveRow, ArchiveStore, ArchiveTable } from './ports/archive.ts';

/**
 * Merging a dump into a store that already holds an archive. What both hold once is kept
 * once — an article by its URL or content, a briefing by its audience and time, a
 * subscription by its channel and topic, a feed by its URL, a thread, a ledger slot, a seen
 * entry by its key — and the rest is added with ids
 * moved past the store's own, every reference (a briefing's articles, a thread's briefing, a
 * ledger row's subscription and briefing, a seen entry's feed) following its row.
 */

export interface MergeCount {
  added: number;
  /** Rows the store already held (the same article, subscription, feed, …). */
  present: number;
}

/** Rows inserted per batch. */
const BATCH = 500;

export async function mergeDump(
  lines: AsyncIterable<string>,
  archive: ArchiveStore,
  label: string,
): Promise<Record<string, MergeCount>> {
  const offsets = await archive.maxIds();
  const ids = new Map<string, Map<number, number>>();
  const idOf = (table: string, old: unknown): number | null => {
    if (old === null || old === undefined) return null;
    return ids.get(table)?.get(Number(old)) ?? null;
  };
  const remember = (table: string, old: unknown, now: number): void => {
    const map = ids.get(table) ?? new Map<number, number>();
    ids.set(table, map);
    map.set(Number(old), now);
  };
  const counts: Record<string, MergeCount> = {};
  let pending: { table: ArchiveTable; rows: ArchiveRow[] } | null = null;
  const flush = async (): Promise<void> => {
    if (pending?.rows.length) await archive.insert(pending.table, pending.rows);
    if (pending) pending.rows = [];
  };
  const add = async (table: ArchiveTable, row: ArchiveRow): Promise<void> => {
    if (pending?.table !== table) {
      await flush();
      pending = { table, rows: [] };
    }
    pending.rows.push(row);
    count(table).added += 1;
    if (pending.rows.length >= BATCH) await flush();
  };
  const count = (table: ArchiveTable): MergeCount =>
    (counts[table.name] ??= { added: 0, present: 0 });
  /** An existing row with these values, looked for after what is pending is written. */
  const existing = async (table: ArchiveTable, where: ArchiveRow): Promise<ArchiveRow | null> => {
    await flush();
    return archive.findRow(table, where);
  };
  const moved = (table: ArchiveTable, row: ArchiveRow): number =>
    Number(row.id) + (offsets[table.name] ?? 0);

  const seen: ImportResult = { expected: {}, read: {} };
  for await (const { table, row } of dumpRecords(lines, label, seen)) {
    const t = table.name;
    let same: ArchiveRow | null = null;
    switch (t) {
      case 'articles':
        same =
          (row.url !== null ? await existing(table, { url: row.url ?? null }) : null) ??
          (await existing(table, { content_hash: row.content_hash ?? null }));
        break;
      case 'subscriptions':
        same = await existing(table, {
          platform: row.platform ?? null,
          workspace: row.workspace ?? null,
          channel: row.channel ?? null,
          topic: row.topic ?? null,
        });
        break;
      case 'feeds':
        same = await existing(table, { url: row.url ?? null });
        break;
      case 'briefings':
        // A briefing is what an audience was told at a time: the same one merged twice is one.
        same = await existing(table, {
          topic: row.topic ?? null,
          audience: row.audience ?? null,
          created_at: row.created_at ?? null,
          window: row.window ?? null,
        });
        break;
      default:
        break;
    }
    if (same) {
      remember(t, row.id, Number(same.id));
      count(table).present += 1;
      continue;
    }
    const out: ArchiveRow = { ...row };
    if (table.columns.includes('id') && t !== 'thread_links') {
      out.id = moved(table, row);
      remember(t, row.id, out.id);
    }
    // References follow their rows; a row whose parent is not in the dump keeps nothing stale.
    if (t === 'article_sources') out.article_id = idOf('articles', row.article_id);
    if (t === 'briefings')
      out.article_ids = JSON.stringify(
        (JSON.parse(String(row.article_ids)) as number[]).map((id) => idOf('articles', id) ?? id),
      );
    if (t === 'thread_links') out.briefing_id = idOf('briefings', row.briefing_id);
    if (t === 'deliveries') {
      out.subscription_id = idOf('subscriptions', row.subscription_id);
      out.briefing_id = idOf('briefings', row.briefing_id);
    }
    if (t === 'feed_seen') out.feed_id = idOf('feeds', row.feed_id);
    const key = naturalKey(t, out);
    if (key && (await existing(table, key))) {
      count(table).present += 1;
      continue;
    }
    await add(table, out);
  }
  await flush();
  await archive.finishImport();
  return counts;
}

/** The columns a row of a child table is unique by, once its references are moved. */
function naturalKey(table: string, row: ArchiveRow): ArchiveRow | null {
  switch (table) {
    case 'article_sources':
      return { article_id: row.article_id ?? null, source: row.source ?? null };
    case 'thread_links':
      return { thread: row.thread ?? null };
    case 'deliveries':
      return { subscription_id: row.subscription_id ?? null, slot: row.slot ?? null };
    case 'feed_seen':
      return { feed_id: row.feed_id ?? null, key: row.key ?? null };
    default:
      return null;
  }
}
