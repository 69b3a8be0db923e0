import { execFileSync } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopics, parseTopicFile, resolveTopic } from '../../src/briefing/topics.ts';
import { createHandlers } from '../../src/chat/handlers.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { BriefwireError } from '../../src/model/errors.ts';
import { LIMITS } from '../../src/model/limits.ts';
import { createStore } from '../../src/store/create.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { handlerDeps } from '../helpers/handlers.ts';

/**
 * Issue #13, item 8: a bad topic file is named (path, reason, TOPIC_INVALID) and skipped while
 * the others load; a term group that is empty, or holds only empty phrases, is refused rather
 * than left to match every article.
 */

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const topicsDir = join(tmp.dir, 'briefings');
const db = join(tmp.dir, 'topics.db');
const env = { BRIEFWIRE_TOPICS_DIR: topicsDir };

const GOOD = {
  title: 'Harbour strike',
  description: 'Dock work stoppages at Portline.',
  allOf: [['Portline']],
  anyOf: ['strike', 'walkout'],
  aliases: { walkout: ['walk-out'] },
  exclude: [],
  window: 'all',
  $schema: './topic.schema.json',
};

/** Bad files and what their error must say, besides naming the file. */
const BAD: Array<[file: string, content: string, reason: RegExp]> = [
  ['forever.json', JSON.stringify({ ...GOOD, window: 'forever' }), /"window" .*"forever"/],
  ['empty-group.json', JSON.stringify({ title: 'T', allOf: [[]] }), /"allOf\[0\]" is empty/],
  ['empty-any.json', JSON.stringify({ title: 'T', anyOf: [] }), /"anyOf" is empty/],
  ['empty-all.json', JSON.stringify({ title: 'T', allOf: [], anyOf: ['x'] }), /"allOf" must be/],
  [
    'blank-term.json',
    JSON.stringify({ title: 'T', allOf: [['Portline', '  ']] }),
    /"allOf\[0\]\[1\]" must be a phrase with at least one letter or digit/,
  ],
  ['dash-term.json', JSON.stringify({ title: 'T', anyOf: ['--'] }), /"anyOf\[0\]" must be/],
  ['blank-exclude.json', JSON.stringify({ ...GOOD, exclude: [''] }), /"exclude\[0\]" must be/],
  ['typo.json', JSON.stringify({ ...GOOD, exlude: ['ferry'] }), /"exlude" is not a topic field/],
  ['a-list.json', '[]', /must be a JSON object/],
  ['no-title.json', JSON.stringify({ anyOf: ['x'] }), /"title" must be one line/],
  ['two-lines.json', JSON.stringify({ ...GOOD, title: 'A\nB' }), /"title" must be one line/],
  ['broken.json', '{"title": "T", ', /not valid JSON/],
  ['Harbour-Watch.json', JSON.stringify(GOOD), /"Harbour-Watch" is not a topic name/],
];

beforeAll(async () => {
  mkdirSync(topicsDir, { recursive: true });
  writeFileSync(join(topicsDir, 'harbour-strike.json'), JSON.stringify(GOOD));
  for (const [file, content] of BAD) writeFileSync(join(topicsDir, file), content);
  // A file far over the size limit (sparse, so the test writes nothing) and a FIFO, which a
  // plain read would wait on forever.
  writeFileSync(join(topicsDir, 'huge.json'), '');
  truncateSync(join(topicsDir, 'huge.json'), LIMITS.fileBytes + 1);
  execFileSync('mkfifo', [join(topicsDir, 'pipe.json')]);

  const stores = await createStore(db);
  await stores.articles.putArticles([
    prepareArticle('memory:portline', {
      title: 'Portline dockworkers strike over pay',
      text: 'Dockworkers at Portline walked out on Tuesday in a strike over pay, said Mara Quist, a union organiser. The harbour board said talks would resume on Friday.',
      publishedAt: '2026-03-03T09:00:00.000Z',
      source: 'Marrowby Gazette',
      url: null,
    }),
    prepareArticle('memory:bakery', {
      title: 'Marrowby bakery wins a prize',
      text: 'A bakery in Marrowby won a regional prize for its rye bread on Saturday, its owner Tobin Vale said. The shop opened in 1998.',
      publishedAt: '2026-03-04T09:00:00.000Z',
      source: 'Marrowby Gazette',
      url: null,
    }),
  ]);
  await stores.close();
});

describe('loading a topics folder with bad files', () => {
  it('loads the good topic and reports each bad file once, by path, with TOPIC_INVALID', () => {
    const { topics, problems } = loadTopics(topicsDir);
    expect(topics.map((t) => t.slug)).toEqual(['harbour-strike']);
    expect(problems).toHaveLength(BAD.length + 2);
    for (const p of problems) {
      expect(p.code).toBe('TOPIC_INVALID');
      expect(p.message.startsWith(`${p.input}: `)).toBe(true);
    }
    const byFile = new Map(problems.map((p) => [p.input, p.message]));
    for (const [file, , reason] of BAD) expect(byFile.get(join(topicsDir, file))).toMatch(reason);
    expect(byFile.get(join(topicsDir, 'huge.json'))).toMatch(/more than the 10485760 allowed/);
    expect(byFile.get(join(topicsDir, 'pipe.json'))).toMatch(/not a regular file/);
  }, 10_000);

  it('reads the good file whole: groups, aliases, notes ignored, its window', () => {
    const t = loadTopics(topicsDir).topics[0]!;
    expect(t.terms).toEqual({ allOf: [['portline'], ['strike', 'walkout', 'walk-out']] });
    expect(t.window).toBe('all');
  });

  it('says a topic whose file is invalid is invalid, and still reads other slugs as words', () => {
    const { topics } = loadTopics(topicsDir);
    const e = catchError(() => resolveTopic('empty-group', topics));
    expect(e.code).toBe('TOPIC_INVALID');
    expect(e.input).toBe(join(topicsDir, 'empty-group.json'));
    expect(e.message).toMatch(
      /^The topic file for "empty-group" \(empty-group\.json\) is invalid.*: "allOf\[0\]" is empty/,
    );
    expect(e.message).not.toContain(topicsDir);
    // The file name is not a slug, but the slug someone would type still finds it.
    expect(catchError(() => resolveTopic('harbour-watch', topics)).code).toBe('TOPIC_INVALID');
    expect(resolveTopic('marrowby-bakery', topics).defined).toBe(false);
    // A list built by hand has no files behind it.
    expect(resolveTopic('empty-group', [...topics]).defined).toBe(false);
  });

  it('accepts a date window and an empty exclude, and refuses a date that is not on the calendar', () => {
    const ok = parseTopicFile(
      'harbour-strike',
      'h.json',
      JSON.stringify({ ...GOOD, window: '2026-02-28' }),
    );
    expect(ok.window).toBe('2026-02-28');
    expect(() =>
      parseTopicFile('harbour-strike', 'h.json', JSON.stringify({ ...GOOD, window: '2026-02-30' })),
    ).toThrow(/h\.json: "window" .*"2026-02-30"/);
  });
});

describe('briefwire topics and brief with bad topic files', () => {
  it('lists the good topics, names every bad file on stderr, and exits 1', async () => {
    const r = await runCli(['topics', '--db', db], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^harbour-strike\s+Harbour strike — 1 in the last all, 1 stored\n$/);
    for (const [file] of BAD) {
      const path = join(topicsDir, file);
      expect(r.stderr.split(path).length - 1, path).toBe(1);
    }
    expect(r.stderr).toMatch(/forever\.json: "window"/);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(
      `briefwire topics: ${BAD.length + 2} topic files are invalid and skipped (named above) [TOPIC_INVALID]`,
    );
  }, 20_000);

  it('keeps --json output to the good topics', async () => {
    const r = await runCli(['topics', '--json', '--db', db], env);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { slug: 'harbour-strike', title: 'Harbour strike', window: 'all', inWindow: 1, total: 1 },
    ]);
  }, 20_000);

  it('exits 0 when every topic file is good', async () => {
    const only = join(tmp.dir, 'good-only');
    mkdirSync(only);
    writeFileSync(join(only, 'harbour-strike.json'), JSON.stringify(GOOD));
    const r = await runCli(['topics', '--db', db], { BRIEFWIRE_TOPICS_DIR: only });
    expect(r).toMatchObject({ code: 0, stderr: '' });
  }, 20_000);

  it('brief on a bad topic says its file is invalid, not that the topic is unknown', async () => {
    const r = await runCli(['brief', 'empty-any', '--db', db], env);
    expect(r.code).toBe(2);
    const last = r.stderr.trimEnd().split('\n').at(-1);
    expect(last).toMatch(
      /^briefwire brief: The topic file for "empty-any" \(empty-any\.json\) is invalid.*: "anyOf" is empty.* \[TOPIC_INVALID\]$/,
    );
    expect(r.stderr).not.toMatch(/No stored article matches/);
  }, 20_000);

  it('brief on the good topic still works, on the Portline article only', async () => {
    const r = await runCli(['brief', 'harbour-strike', '--format', 'json', '--db', db], env);
    expect(r.code, r.stderr).toBe(0);
    const briefing = JSON.parse(r.stdout) as { sources: Array<{ title: string }> };
    expect(briefing.sources.map((s) => s.title)).toEqual(['Portline dockworkers strike over pay']);
  }, 20_000);
});

describe('/brief in a chat channel with bad topic files', () => {
  it('says the topic file is invalid, naming the file but not the server folders', async () => {
    const stores = await createStore(db);
    try {
      const handlers = createHandlers(
        handlerDeps(
          {
            stores,
            topics: loadTopics(topicsDir).topics,
            timezone: 'UTC',
            now: () => new Date('2026-03-20T09:00:00Z'),
          },
          () => {},
        ),
      );
      const reply = await handlers.command({
        command: 'brief',
        subcommand: null,
        options: { topic: 'forever' },
        user: { id: 'u1', name: 'mara', canManage: false },
        channel: { platform: 'slack', workspace: 'T1', channel: 'C1' },
      });
      expect(reply).toMatchObject({ kind: 'text', ephemeral: true });
      const text = reply.kind === 'text' ? reply.text : '';
      expect(text).toMatch(/^The topic file for "forever" \(forever\.json\) is invalid.*"window"/);
      expect(text).not.toContain(tmp.dir);
      const good = await handlers.command({
        command: 'brief',
        subcommand: null,
        options: { topic: 'harbour-strike' },
        user: { id: 'u1', name: 'mara', canManage: false },
        channel: { platform: 'slack', workspace: 'T1', channel: 'C1' },
      });
      expect(good.kind).toBe('briefing');
    } finally {
      await stores.close();
    }
  }, 20_000);
});

function catchError(f: () => unknown): BriefwireError {
  try {
    f();
  } catch (e) {
    if (e instanceof BriefwireError) return e;
    throw e;
  }
  throw new Error('expected a BriefwireError');
}
