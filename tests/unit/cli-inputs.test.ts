import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/** `analyze` reads files as `ingest` does, and numeric settings are digits only. */
describe('analyze reads inputs as ingest does', () => {
  let tmp = tempDir();
  afterEach(() => {
    tmp.cleanup();
    tmp = tempDir();
  });

  it('decodes a windows-1252 file, refuses binary by name, numbers JSON records by index', async () => {
    const latin = join(tmp.dir, 'cafe.txt');
    writeFileSync(
      latin,
      Buffer.from(
        'Caf\xe9 opens in Marrowby\n\nThe caf\xe9 owner, Mara Quist, said it opens on Monday.\n',
        'latin1',
      ),
    );
    const binary = join(tmp.dir, 'tool.txt');
    writeFileSync(
      binary,
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    );
    const records = join(tmp.dir, 'list.json');
    writeFileSync(
      records,
      JSON.stringify([
        { title: 'No text here' },
        {
          title: 'Ferries resume',
          text: 'Quayside Ferries said sailings to Saltreach resume on Monday.',
        },
      ]),
    );
    const result = await runCli(['analyze', latin, binary, records, '--jsonl']);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ file: latin, title: 'Café opens in Marrowby' });
    expect(lines[1]).toMatchObject({ file: binary, error: { code: 'INPUT_NOT_TEXT' } });
    expect(lines[2]).toMatchObject({ file: `${records}#1`, title: 'Ferries resume' });
    expect(lines).toHaveLength(3);
    expect(result.stderr).toContain(`${records}`);
    expect(result.stderr).toContain('[0]');
    expect(result.code).toBe(1);
  });
});

describe('PORT', () => {
  it.each(['1e3', '0x50', '80.0', ' ', '70000'])('refuses %j, naming the variable', (value) => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: value };
    if (value.trim() === '') {
      // Blank is unset: the default port.
      expect(loadConfig(env).slack?.port).toBe(3000);
      return;
    }
    expect(() => loadConfig(env)).toThrow(/PORT/);
  });
});
