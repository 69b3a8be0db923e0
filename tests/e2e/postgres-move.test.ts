import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { hasShared, sharedDir } from '../helpers/shared.ts';

/**
 * Moving to PostgreSQL, as a team would, with the real commands: the same articles brief the
 * same on both stores, and a SQLite archive exported, imported into PostgreSQL and exported
 * again is the same dump, byte for byte. Needs TEST_DATABASE_URL (a server this run may
 * create databases on); .ci/run sets it.
 */

const admin = process.env.TEST_DATABASE_URL;
const tmp = tempDir('briefwire-move-');
const created: string[] = [];

/** A new, empty database on the test server, dropped when the file is done. */
async function freshDatabase(tag: string): Promise<string> {
  const name = `bw_move_${tag}_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  created.push(name);
  const url = new URL(admin!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out = await runCli(args);
  expect(out.code, `${args.join(' ')}\n${out.stderr}`).toBe(0);
  return out;
}

/** A briefing as JSON with what differs between stores and runs (ids, times of storing) taken out. */
function comparable(json: string): unknown {
  const b = JSON.parse(json) as Record<string, unknown>;
  const { id: _id, generatedAt: _at, ...rest } = b;
  return JSON.parse(JSON.stringify(rest).replace(/"ingestedAt":"[^"]*"/g, '"ingestedAt":"…"'));
}

describe.skipIf(!admin)('moving to PostgreSQL', () => {
  let pgA: string;
  let pgB: string;
  const sqlite = join(tmp.dir, 'team.db');
  beforeAll(async () => {
    pgA = await freshDatabase('a');
    pgB = await freshDatabase('b');
  });
  afterAll(async () => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      for (const name of created)
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await client.end();
    }
    tmp.cleanup();
  });

  it('briefs the same articles the same on SQLite and PostgreSQL', async () => {
    // The demo's articles, and the seed article when ../shared is beside the repository.
    const inputs = [DEMO_ARTICLES, ...(hasShared ? [join(sharedDir, 'corpus/seed')] : [])];
    await cli(['ingest', ...inputs, '--db', sqlite]);
    await cli(['ingest', ...inputs, '--db', pgA]);
    const topics = [DEMO_TOPIC, ...(hasShared ? ['iran-uk'] : [])];
    for (const topic of topics) {
      const brief = (db: string) =>
        cli(['brief', topic, '--since', 'all', '--format', 'json', '--db', db]);
      const [onSqlite, onPostgres] = [await brief(sqlite), await brief(pgA)];
      expect(comparable(onPostgres.stdout)).toEqual(comparable(onSqlite.stdout));
    }
    const asked = (db: string) =>
      cli(['ask', DEMO_TOPIC, 'Who mediated the talks?', '--json', '--db', db]);
    expect(JSON.parse((await asked(pgA)).stdout)).toEqual(JSON.parse((await asked(sqlite)).stdout));
  });

  it('exports SQLite, imports into PostgreSQL, and exports the same dump again', async () => {
    const first = join(tmp.dir, 'first.jsonl');
    const again = join(tmp.dir, 'again.jsonl');
    await cli(['export', '--out', first, '--db', sqlite]);
    const imported = await cli(['import', first, '--db', pgB]);
    expect(imported.stderr).toMatch(/articles\s+\d+ rows\s+sha256 \w+\s+same/);
    expect(imported.stderr).not.toContain('DIFFERENT');
    await cli(['export', '--out', again, '--db', pgB]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(first, 'utf8'));
    // The imported store works as a store: it briefs, and refuses a second import.
    await cli(['brief', DEMO_TOPIC, '--since', 'all', '--db', pgB]);
    const twice = await runCli(['import', first, '--db', pgB]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/is not empty \(\d+ articles, .*\); import into an empty store/);
    // Told to merge the same dump, it keeps what it holds and adds nothing twice.
    const held = join(tmp.dir, 'held.jsonl');
    await cli(['export', '--out', held, '--db', pgB]);
    const merged = await cli(['import', first, '--merge', '--db', pgB]);
    expect(merged.stderr).toMatch(/articles: 0 added, \d+ already held/);
    await cli(['export', '--out', again, '--db', pgB]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(held, 'utf8'));
  });

  it('names the line of a dump that is cut short or broken', async () => {
    const cut = join(tmp.dir, 'cut.jsonl');
    const whole = readFileSync(join(tmp.dir, 'first.jsonl'), 'utf8').trim().split('\n');
    writeFileSync(cut, `${whole.slice(0, -1).join('\n')}\n`);
    const out = await runCli(['import', cut, '--db', join(tmp.dir, 'empty.db')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /cut\.jsonl: line \d+: no end line: the dump is cut short \[INPUT_MALFORMED\]/,
    );
  });
});
