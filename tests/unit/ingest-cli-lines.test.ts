import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/cli/ingest.ts';
import { tempDir } from '../helpers/cli.ts';

/** `briefwire ingest` stopped part-way still says what it stored. */

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const files = [1, 2, 3].map((n) => {
  const file = join(tmp.dir, `notice-${n}.txt`);
  writeFileSync(
    file,
    `Portline notice ${n}\n\nThe Portline ferry will run ${n} extra crossings to Marrowby this week, the harbour office said on Tuesday.\n`,
  );
  return file;
});

describe('ingest output', () => {
  it('says on stderr what was stored before a failure stopped it', async () => {
    let stdout = '';
    let stderr = '';
    const io = {
      // A closed pipe: the second line cannot be written.
      stdout: {
        write: (s: string) => {
          if (stdout) throw new Error('write EPIPE');
          stdout += s;
        },
      },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      cwd: tmp.dir,
    };
    const run = ingest.run(['--db', join(tmp.dir, 'stopped.db'), ...files], io);
    await expect(run).rejects.toThrow('write EPIPE');
    expect(stdout).toMatch(/^stored\s+.*notice-1\.txt — “Portline notice 1” \(article 1\)\n$/);
    expect(stderr).toBe('2 stored, 0 duplicate, 0 failed before ingest stopped\n');
  });
});
