import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { main } from '../../src/cli/main.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/** `briefwire chat`: the terminal runs the same commands and thread answers as the platforms. */
describe('briefwire chat', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  async function chat(db: string, lines: string[]): Promise<string> {
    let out = '';
    const code = await main(['chat', '--db', db], {
      stdin: Readable.from(lines.map((l) => `${l}\n`)),
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {},
      cwd: tmp.dir,
    });
    expect(code).toBe(0);
    return out;
  }

  it('briefs, then answers questions about the briefing in order, citing them', async () => {
    const db = join(tmp.dir, 'chat.db');
    expect((await runCli(['ingest', DEMO_ARTICLES, '--db', db])).code).toBe(0);
    const out = await chat(db, [
      'How many ships?',
      `/brief ${DEMO_TOPIC} all`,
      'How many cargo ships were waiting at anchor?',
      'What did the French president say?',
      '/brief help',
    ]);
    const briefingAt = out.indexOf('Briefing: ');
    const answerAt = out.indexOf('Fourteen cargo ships were waiting at anchor');
    expect(out.indexOf('Ask for a briefing first')).toBeLessThan(briefingAt);
    expect(briefingAt).toBeGreaterThan(0);
    expect(answerAt).toBeGreaterThan(briefingAt);
    expect(out.slice(answerAt)).toMatch(/— Ships queue off Marrowby/);
    expect(out).toMatch(/couldn't find that/);
    expect(out).toMatch(/\/brief subscribe <topic> <time> \[timezone\]/);
  });
});
