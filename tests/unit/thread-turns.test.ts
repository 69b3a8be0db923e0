import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { focusTurn, threadHistory } from '../../src/answer/follow-up.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { THREAD_TURNS_KEPT, type ThreadTurn } from '../../src/store/ports/thread-links.ts';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.ts';
import { tempDir } from '../helpers/cli.ts';

/** A thread's turns in SQLite: bounded, durable, checked when read back (#16). */

const turn = (subject: string | null, answered: string[] = []): ThreadTurn => ({
  subject: subject ? { name: subject, type: 'person' } : null,
  named: [],
  answered: answered.map((name) => ({ name, type: 'person' })),
});

describe('thread turns in the SQLite store', () => {
  let tmp: { dir: string; cleanup: () => void };
  let path: string;
  let stores: Stores;

  const linked = async (thread: string): Promise<void> => {
    const id = await stores.briefings.save({
      topic: 'marrowby-ferry',
      audience: 'discord:c1',
      createdAt: '2026-03-20T09:00:00Z',
      window: '7d',
      articleIds: [],
    });
    await stores.threads.link(thread, id);
  };

  beforeEach(async () => {
    tmp = tempDir();
    path = join(tmp.dir, 'turns.db');
    stores = await createStore(path);
  });
  afterEach(async () => {
    await stores.close();
    tmp.cleanup();
  });

  it('keeps the last turns, oldest first, and makes a subject the focus', async () => {
    await linked('discord:g1:t1');
    expect(await stores.threads.turns('discord:g1:t1')).toEqual([]);
    const all = Array.from({ length: THREAD_TURNS_KEPT + 2 }, (_, i) =>
      turn(i === 3 ? null : `Person ${i}`, [`Answer ${i}`]),
    );
    for (const t of all) await stores.threads.addTurn('discord:g1:t1', t);
    expect(await stores.threads.turns('discord:g1:t1')).toEqual(all.slice(-THREAD_TURNS_KEPT));
    expect(await stores.threads.focus('discord:g1:t1')).toBe(`Person ${all.length - 1}`);
    // A turn without a subject leaves the focus where it was.
    await stores.threads.addTurn('discord:g1:t1', turn(null, ['Ilsa Brenner']));
    expect(await stores.threads.focus('discord:g1:t1')).toBe(`Person ${all.length - 1}`);
  });

  it('remembers nothing for a thread that is not linked', async () => {
    await stores.threads.addTurn('discord:g1:nowhere', turn('Mara Quist'));
    expect(await stores.threads.turns('discord:g1:nowhere')).toEqual([]);
  });

  it('survives closing and reopening the store', async () => {
    await linked('slack:T1:1.2');
    await stores.threads.addTurn('slack:T1:1.2', turn('Tobin Ashgrove', ['Mara Quist']));
    await stores.close();
    stores = await createStore(path);
    expect(await stores.threads.turns('slack:T1:1.2')).toEqual([
      turn('Tobin Ashgrove', ['Mara Quist']),
    ]);
  });

  it('refuses a stored history that is not a list of turns, naming the thread', async () => {
    await linked('discord:g1:bad');
    await stores.close();
    const raw = new Database(path);
    raw
      .prepare('UPDATE thread_links SET turns = ? WHERE thread = ?')
      .run('[{"subject": {"name": 7}}]', 'discord:g1:bad');
    raw.close();
    stores = await createStore(path);
    await expect(stores.threads.turns('discord:g1:bad')).rejects.toMatchObject({
      code: 'STORE_FAILED',
      input: 'discord:g1:bad',
    });
  });

  it('reads a thread focused before turns were kept as one turn about its focus', async () => {
    await stores.close();
    const old = join(tmp.dir, 'old.db');
    const raw = new Database(old);
    migrate(
      raw,
      MIGRATIONS.filter((m) => m.name !== 'thread turns'),
    );
    raw.exec(`INSERT INTO briefings (topic, audience, created_at, window, article_ids)
      VALUES ('marrowby-ferry', 'discord:c1', '2026-03-20T09:00:00Z', '7d', '[]')`);
    raw.exec(
      `INSERT INTO thread_links (thread, briefing_id, focus) VALUES ('discord:g1:old', 1, 'Mara Quist')`,
    );
    raw.close();
    stores = await createStore(old);
    expect(await stores.threads.turns('discord:g1:old')).toEqual([]);
    expect(await threadHistory(stores.threads, 'discord:g1:old')).toEqual([
      focusTurn('Mara Quist'),
    ]);
    expect(await threadHistory(stores.threads, 'discord:g1:none')).toEqual([]);
  });
});
