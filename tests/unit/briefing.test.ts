import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES, DEMO_TOPIC } from '../../src/cli/demo.ts';
import { contentWords, overlap } from '../../src/nlp/words.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/** The demo topic's briefing over all time, as JSON, from the given store. */
async function briefDemoJson<T>(db: string, ...extra: string[]): Promise<T> {
  const out = await runCli([
    'brief',
    DEMO_TOPIC,
    '--since',
    'all',
    '--format',
    'json',
    '--db',
    db,
    ...extra,
  ]);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as T;
}

/** Briefings built from the bundled demo articles (fictional, multi-article). */
describe('brief over the demo articles', () => {
  const tmp = tempDir();
  const dbA = join(tmp.dir, 'a.db');
  const dbB = join(tmp.dir, 'b.db');

  beforeAll(async () => {
    expect((await runCli(['ingest', DEMO_ARTICLES, '--db', dbA])).code).toBe(0);
    expect((await runCli(['ingest', DEMO_ARTICLES, '--db', dbB])).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  const briefJson = (db: string, ...extra: string[]) =>
    briefDemoJson<
      Record<string, unknown> & {
        summary: Array<{ text: string; articleId: number }>;
        generatedAt: string;
      }
    >(db, ...extra);

  it('is deterministic: two stores give the same JSON but for ids and generatedAt', async () => {
    const a = await briefJson(dbA);
    const b = await briefJson(dbB);
    const strip = (x: Record<string, unknown>) => ({ ...x, id: 0, generatedAt: '' });
    expect(strip(b)).toEqual(strip(a));
  });

  it('draws the summary from several articles without repeating itself', async () => {
    const { summary } = await briefJson(dbA);
    expect(new Set(summary.map((s) => s.articleId)).size).toBeGreaterThanOrEqual(2);
    const bags = summary.map((s) => new Set(contentWords(s.text)));
    for (let i = 0; i < bags.length; i++)
      for (let j = i + 1; j < bags.length; j++)
        expect(overlap(bags[i]!, bags[j]!)).toBeLessThan(0.5);
  });

  it('renders text and markdown with numbered sources', async () => {
    const text = await runCli(['brief', DEMO_TOPIC, '--since', 'all', '--db', dbA]);
    expect(text.stdout).toMatch(/^Briefing: /);
    expect(text.stdout).toMatch(/\[1\] /);
    const md = await runCli([
      'brief',
      DEMO_TOPIC,
      '--since',
      'all',
      '--format',
      'markdown',
      '--db',
      dbA,
    ]);
    expect(md.stdout).toMatch(/^# Briefing: /);
    expect(md.stdout).toMatch(/^## Key quotes$/m);
  });

  it('answers an unknown topic with a message naming it and close matches', async () => {
    const out = await runCli(['brief', 'marowby-strik', '--db', dbA, '--since', 'all']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/No stored article matches topic "marowby-strik"/);
    expect(out.stderr).toMatch(/iran-uk/); // the defined topic is offered
  });

  it('rejects a bad topic name, a bad window and a bad format as usage errors', async () => {
    expect((await runCli(['brief', '../etc', '--db', dbA])).code).toBe(2);
    const win = await runCli(['brief', DEMO_TOPIC, '--since', 'yesterday', '--db', dbA]);
    expect(win.code).toBe(2);
    expect(win.stderr).toMatch(/"yesterday" is not a time window/);
    const fmt = await runCli(['brief', DEMO_TOPIC, '--format', 'pdf', '--db', dbA]);
    expect(fmt.stderr).toMatch(/--format must be one of text, markdown, json/);
  });

  it('falls back to the most recent articles when the window is empty, and says so', async () => {
    const out = await runCli([
      'brief',
      DEMO_TOPIC,
      '--since',
      '24h',
      '--format',
      'json',
      '--db',
      dbA,
    ]);
    const json = JSON.parse(out.stdout) as { window: { fallback: boolean }; notes: string[] };
    expect(json.window.fallback).toBe(true);
    expect(json.notes[0]).toMatch(/No article in the last 24 hours/);
  });

  it('lists defined topics with their article counts', async () => {
    const out = await runCli(['topics', '--json', '--db', dbA]);
    const rows = JSON.parse(out.stdout) as Array<{ slug: string; total: number }>;
    expect(rows.find((r) => r.slug === 'iran-uk')?.total).toBe(0);
  });
});

describe("what's new since the previous briefing", () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'news.db');
  afterAll(() => tmp.cleanup());

  const brief = (...extra: string[]) =>
    briefDemoJson<{
      id: number;
      notes: string[];
      stories: Array<{ title: string; isNew: boolean }>;
    }>(db, ...extra);

  it('records each briefing, says when nothing is new, and leads with a new story', async () => {
    expect((await runCli(['ingest', DEMO_ARTICLES, '--db', db])).code).toBe(0);
    const first = await brief('--for', 'ana');
    expect(first.id).toBeGreaterThan(0);

    const nothing = await brief('--for', 'ana', '--since-last');
    expect(nothing.notes[0]).toMatch(/^Nothing new since the previous briefing/);
    expect(nothing.stories.some((s) => s.isNew)).toBe(false);

    const fresh = join(tmp.dir, 'fresh.json');
    writeFileSync(
      fresh,
      JSON.stringify({
        title: 'Marrowby strike: crane drivers stage a second walkout over overtime pay',
        publishedAt: '2026-04-02T09:00:00Z',
        text: 'Crane drivers at the fictional port of Marrowby began a second strike on Thursday, this time over unpaid overtime, the Coastal Workers Union said.\n\nThe Marrowby Harbour Authority said it would meet union officials on Friday.',
      }),
    );
    expect((await runCli(['ingest', fresh, '--db', db])).code).toBe(0);
    const news = await brief('--for', 'ana', '--since-last');
    expect(news.notes[0]).toMatch(/^1 new story since the previous briefing/);
    expect(news.stories[0]).toMatchObject({
      title: expect.stringMatching(/second walkout/),
      isNew: true,
    });
    expect(news.stories.filter((s) => s.isNew)).toHaveLength(1);

    const other = await brief('--for', 'bo', '--since-last');
    expect(other.notes[0]).toMatch(/No earlier briefing .* for cli:bo/);
  });
});
