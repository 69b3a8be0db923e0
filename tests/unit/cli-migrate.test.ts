import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';

/** `briefwire migrate`: the schema brought up to date, or a clear word about why not. */

const tmp = tempDir('briefwire-migrate-');
afterAll(() => tmp.cleanup());

describe('briefwire migrate', () => {
  it('migrates a new SQLite store, then finds nothing to do', async () => {
    const db = join(tmp.dir, 'fresh.db');
    const first = await runCli(['migrate', '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/fresh\.db: schema version (\d+) \(\1 migrations applied\)/);
    const again = await runCli(['migrate', '--db', db]);
    expect(again.stdout).toBe(first.stdout);
  });

  it('names the PostgreSQL host it cannot reach and exits non-zero, never printing the password', async () => {
    const out = await runCli(['migrate', '--db', 'postgres://bot:hunter2@127.0.0.1:1/news']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(
      /^briefwire migrate: PostgreSQL at 127\.0\.0\.1:1 is not reachable .*\[STORE_UNAVAILABLE\]\n$/,
    );
    expect(out.stderr).not.toContain('hunter2');
    expect(out.stdout).toBe('');
  });
});
