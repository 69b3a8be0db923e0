import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.ts';

/** Every error a user sees: `briefwire <command>: <message> [<CODE>]`, the prefix once. */
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'errors.db');

describe('CLI error lines', () => {
  it('an unknown option names the command once and carries its code', async () => {
    const r = await runCli(['brief', 'x', '--bogus', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("briefwire brief: Unknown option '--bogus' [USAGE]\n");
  });

  it('a usage error of a subcommand is printed once too', async () => {
    const r = await runCli(['subscribe', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'briefwire subscribe: give one topic, such as: briefwire subscribe iran-uk … [USAGE]\n',
    );
  });

  it('a configuration error names the variable and its code', async () => {
    const r = await runCli(['topics'], { LOG_LEVEL: 'loud' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'briefwire topics: LOG_LEVEL: must be one of debug, info, warn, error, silent (got "loud") [CONFIG_INVALID]\n',
    );
  });

  it('analyze reports each unreadable input in the same shape', async () => {
    const missing = join(tmp.dir, 'missing.txt');
    const r = await runCli(['analyze', missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^briefwire analyze: .*missing\.txt.* \[INPUT_NOT_FOUND\]\n$/);
  });
});
