import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/shared.ts';

/** The real `briefwire` executable, as a user runs it, in a scratch working directory. */
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function briefwire(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin/briefwire.js'), ...args], {
    cwd: tmp.dir,
    env: { PATH: process.env.PATH ?? '', HOME: tmp.dir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('briefwire executable', () => {
  it('demo prints a briefing offline and writes nothing to the working directory', () => {
    const r = briefwire(['demo']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Briefing: /);
    expect(r.stdout).toMatch(/Key quotes/);
    expect(r.stderr).toMatch(/fictional/);
    expect(existsSync(join(tmp.dir, 'data'))).toBe(false);
  });

  it('ingest reports a bad file by name and still stores the rest', () => {
    const inbox = join(tmp.dir, 'inbox');
    mkdirSync(inbox, { recursive: true });
    writeFileSync(
      join(inbox, 'good.txt'),
      'Harbour reopens after storm\n\nThe harbour at Eastholm reopened on Monday after a storm closed it for three days, the port authority said.\n',
    );
    writeFileSync(join(inbox, 'broken.json'), '{"title": "x", ');
    writeFileSync(join(inbox, 'empty.md'), '   \n');
    const db = join(tmp.dir, 'ingest.db');
    const r = briefwire(['ingest', inbox, join(tmp.dir, 'missing.txt'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/stored\s+.*good\.txt/);
    expect(r.stdout).toMatch(/failed\s+.*broken\.json — invalid JSON/);
    expect(r.stdout).toMatch(/failed\s+.*empty\.md — file is empty/);
    expect(r.stdout).toMatch(/failed\s+.*missing\.txt/);
    expect(r.stderr).toMatch(/1 stored, 0 duplicate, 3 failed/);
    const again = briefwire(['ingest', join(inbox, 'good.txt'), '--db', db]);
    expect(again.stdout).toMatch(/duplicate\s+.*good\.txt — same text as article 1/);
    expect(existsSync(join(tmp.dir, 'data'))).toBe(false); // --db was honoured
  });

  it('analyze prints one JSON object per file with exact offsets', () => {
    const file = join(tmp.dir, 'note.txt');
    const body =
      'Officials met in Oslo.\n\n“We will act,” said Mari Olsen, the minister. She left.';
    writeFileSync(file, `Ministers meet in Oslo\n\n${body}\n`);
    const r = briefwire(['analyze', file, '--jsonl']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!) as {
      file: string;
      title: string;
      text: string;
      sentences: Array<{ text: string; start: number; end: number }>;
      mentions: Array<{ text: string; start: number; end: number; type: string }>;
      quotes: Array<{ text: string; start: number; end: number; speaker: string | null }>;
      summary: string[];
    };
    expect(rec.title).toBe('Ministers meet in Oslo');
    expect(rec.text).toBe(body);
    for (const x of [...rec.sentences, ...rec.mentions, ...rec.quotes])
      expect(rec.text.slice(x.start, x.end)).toBe(x.text);
    expect(rec.quotes[0]).toMatchObject({ text: 'We will act', speaker: 'Mari Olsen' });
    for (const s of rec.summary) expect(rec.text).toContain(s);
  });

  it('serve with no platform configured says so and exits non-zero', () => {
    const r = briefwire(['serve']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/No chat platform is configured/);
  });

  it('an unknown command and a bad environment variable are usage errors that name the problem', () => {
    expect(briefwire(['frobnicate']).code).toBe(2);
    const r = briefwire(['topics'], { BRIEFWIRE_TIMEZONE: 'Mars/Olympus' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/BRIEFWIRE_TIMEZONE/);
  });
});

describe('briefwire ask', () => {
  it('answers from the stored articles with a citation, or says plainly that it cannot', () => {
    const db = join(tmp.dir, 'ask.db');
    const file = join(tmp.dir, 'harbour.txt');
    writeFileSync(
      file,
      'Harbour reopens after storm\n\nMarch 2, 2026\n\nThe harbour at Eastholm reopened on Monday after a storm closed it for three days, the port authority said.\n\nFishing boats returned to their moorings by noon.\n',
    );
    expect(briefwire(['ingest', file, '--db', db]).code).toBe(0);
    const found = briefwire([
      'ask',
      'eastholm-harbour',
      'How long was the harbour closed by the storm?',
      '--json',
      '--db',
      db,
    ]);
    expect(found.code, found.stderr).toBe(0);
    const answer = JSON.parse(found.stdout) as {
      found: boolean;
      answer: string;
      citations: Array<{ sentence: string; title: string }>;
    };
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/closed it for three days/);
    expect(answer.citations[0]).toMatchObject({
      sentence: answer.answer,
      title: 'Harbour reopens after storm',
    });
    const missing = briefwire([
      'ask',
      '--all',
      'What did the finance minister promise?',
      '--json',
      '--db',
      db,
    ]);
    expect(JSON.parse(missing.stdout)).toMatchObject({ found: false, citations: [] });
    expect(briefwire(['ask', '--db', db]).code).toBe(2);
  });
});
