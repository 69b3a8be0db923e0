import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/**
 * Issue #13: article text with escape sequences (clear screen, an OSC 8 hyperlink, a C1 CSI)
 * printed by `brief`, `ask` and the console chat must reach the terminal as text only. The
 * store is real SQLite, filled by `ingest` from a JSON file, and the CLI runs in-process.
 */

// ESC, BEL and the C1 controls: any of them in terminal output can act on the terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is finding them
const TERMINAL_CONTROL = /[\u001b\u0007\u0080-\u009f]/;
const CLEAR = '\u001b[2J';
const OSC8 = '\u001b]8;;https://evil.example/\u0007click here\u001b]8;;\u0007';

describe('nothing printed to a terminal controls it', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'store.db');
  const slug = 'portline-ferry';
  const clean = (out: string) => expect(out).not.toMatch(TERMINAL_CONTROL);

  beforeAll(async () => {
    const article = (n: number) => ({
      title: `Portline ferry ${CLEAR}closes ${OSC8} report ${n}`,
      source: `Marrowby ${CLEAR}Courier`,
      url: `javascript:alert(${n})`,
      publishedAt: `2026-03-0${n}T08:00:00Z`,
      text: `Mara Quist said the Portline ferry will close on Monday ${CLEAR}after the storm damaged pier ${n}.\n\n"We close the Portline ferry on Monday ${OSC8}," said Mara Quist, the harbour master of Portline.\n\nThe Portline ferry carried \u009b31m ${n * 200} people a day, the council said.`,
    });
    writeFileSync(join(tmp.dir, 'ferry.json'), JSON.stringify([article(1), article(2)]));
    const r = await runCli(['ingest', join(tmp.dir, 'ferry.json'), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('brief in text and Markdown prints no escape, and no link to a javascript: URL', async () => {
    for (const format of ['text', 'markdown']) {
      const r = await runCli(['brief', slug, '--since', 'all', '--format', format, '--db', db]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Portline ferry/);
      clean(r.stdout);
      expect(r.stdout).not.toContain('javascript:');
    }
  });

  it('brief --format json stays valid JSON with no raw control byte', async () => {
    const r = await runCli(['brief', slug, '--since', 'all', '--format', 'json', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    clean(r.stdout);
    expect(JSON.parse(r.stdout).sources).toHaveLength(2);
  });

  it('ask prints no escape, with or without an answer', async () => {
    const found = await runCli(['ask', slug, 'When will the Portline ferry close?', '--db', db]);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toMatch(/Monday/);
    clean(found.stdout);
    const json = await runCli([
      'ask',
      slug,
      'When will the Portline ferry close?',
      '--json',
      '--db',
      db,
    ]);
    clean(json.stdout);
    expect(JSON.parse(json.stdout).found).toBe(true);
  });

  it('the console chat prints no escape', async () => {
    let out = '';
    const code = await main(['chat', '--db', db], {
      stdin: Readable.from([`/brief ${slug} all\n`, 'When will the Portline ferry close?\n']),
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {},
      cwd: tmp.dir,
    });
    expect(code).toBe(0);
    expect(out).toMatch(/Briefing: /);
    clean(out);
    expect(out).not.toContain(tmp.dir);
  });
});
