import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { wordCount } from '../../src/nlp/words.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { describeWithShared, sharedDir } from '../helpers/shared.ts';

/** The acceptance checks of the seed article (the product's specification), end to end. */

interface BriefJson {
  summary: Array<{ text: string; articleId: number }>;
  quotes: Array<{ text: string; speaker: string; role: string | null }>;
  actors: Array<{ name: string; type: string; role: string | null; aliases: string[] }>;
  notes: string[];
}

describeWithShared('seed article: ingest then brief iran-uk', () => {
  const seedDir = join(sharedDir, 'corpus/seed');
  const tmp = tempDir();
  const db = join(tmp.dir, 'b.db');
  let brief: BriefJson;
  let raw: string;

  beforeAll(async () => {
    const ingested = await runCli(['ingest', seedDir, '--db', db]);
    expect(ingested.code, ingested.stderr).toBe(0);
    const out = await runCli(['brief', 'iran-uk', '--db', db, '--format', 'json']);
    expect(out.code, out.stderr).toBe(0);
    brief = JSON.parse(out.stdout) as BriefJson;
    raw = readFileSync(join(seedDir, 'memo-2022-11-17-iran-mi5-kidnap-plots.txt'), 'utf8');
  });
  afterAll(() => tmp.cleanup());

  it('summarises in at most 3 sentences and 90 words, stating the ten attempts', () => {
    expect(brief.summary.length).toBeGreaterThan(0);
    expect(brief.summary.length).toBeLessThanOrEqual(3);
    expect(brief.summary.reduce((n, s) => n + wordCount(s.text), 0)).toBeLessThanOrEqual(90);
    expect(brief.summary.map((s) => s.text).join(' ')).toMatch(
      /at least (?:ten|10) attempts to kidnap or assassinate/,
    );
  });

  it('keeps boilerplate out of the summary: tagline, date line, caption, READ line', () => {
    const blocks = raw.split(/\n\s*\n/).map((b) => b.trim());
    const furniture = [
      blocks[0]!,
      blocks[2]!,
      blocks[3]!,
      blocks.find((b) => b.startsWith('READ:'))!,
    ];
    const summary = brief.summary.map((s) => s.text).join(' ');
    for (const f of furniture) expect(summary).not.toContain(f);
    expect(summary).not.toMatch(/READ:|Getty Images|\[/);
  });

  it('quotes McCallum twice and Cleverly once, verbatim, and nobody else', () => {
    expect(brief.quotes).toHaveLength(3);
    const speakers = brief.quotes.map((q) => q.speaker).sort();
    expect(speakers).toEqual(['James Cleverly', 'Ken McCallum', 'Ken McCallum']);
    for (const q of brief.quotes) {
      expect(raw).toContain(q.text);
      expect(q.text.split(/\s+/).length).toBeGreaterThanOrEqual(15);
    }
    expect(brief.quotes.find((q) => q.speaker === 'Ken McCallum')?.role).toBe(
      'Director General of MI5',
    );
    expect(brief.quotes.find((q) => q.speaker === 'James Cleverly')?.role).toBe(
      'British Foreign Secretary',
    );
  });

  it('names the actors with their types and roles, one per entity', () => {
    const byName = new Map(brief.actors.map((a) => [a.name, a]));
    expect(byName.get('Ken McCallum')).toMatchObject({
      type: 'person',
      role: 'Director General of MI5',
    });
    expect(byName.get('James Cleverly')).toMatchObject({
      type: 'person',
      role: 'British Foreign Secretary',
    });
    expect(byName.get('MI5')?.type).toBe('organization');
    expect(byName.get('Reuters')?.type).toBe('organization');
    for (const place of ['Iran', 'United Kingdom', 'London', 'Turkiye'])
      expect(byName.get(place)?.type).toBe('place');
    const ukLike = brief.actors.filter((a) => ['UK', 'Britain', 'United Kingdom'].includes(a.name));
    expect(ukLike).toHaveLength(1);
    expect(byName.get('United Kingdom')?.aliases).toEqual(
      expect.arrayContaining(['UK', 'Britain']),
    );
    expect(brief.actors.some((a) => /Director General/.test(a.name))).toBe(false);
    expect(brief.actors.some((a) => a.name === 'McCallum')).toBe(false);
  });

  it('says that the default window held nothing and it briefs the most recent article', () => {
    expect(brief.notes.join(' ')).toMatch(/No article in the last 7 days/);
  });
});
