import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/ingest/parse.ts';
import { BriefwireError } from '../../src/model/errors.ts';
import { describeWithShared, sharedDir } from '../helpers/shared.ts';

/** The blocks of a file as a reader sees them, split independently of the code under test. */
function blocksOf(content: string): string[] {
  return content
    .split(/\r?\n\s*\r?\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
}

function only<T>(xs: readonly T[]): T {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
}

describeWithShared('the seed article', () => {
  const dir = path.join(sharedDir, 'corpus', 'seed');
  const file = readdirSync(dir).find((f) => f.endsWith('.txt')) ?? '';
  const content = readFileSync(path.join(dir, file), 'utf8');
  const blocks = blocksOf(content);
  // Its shape: tagline, headline, date line, caption, then body with one "READ:" line.
  const [tagline = '', headline = '', dateLine = '', caption = ''] = blocks;
  const readLine = blocks.find((b) => b.startsWith('READ:')) ?? '';
  const bodyBlocks = blocks.slice(4).filter((b) => b !== readLine);
  const article = only(parseArticle(file, content));

  it('has the headline as title', () => {
    expect(article.title).toBe(headline);
  });

  it('has the date line as an ISO date (times without a zone are UTC)', () => {
    const expected = new Date(`${dateLine.replace(' at ', ' ')} UTC`).toISOString();
    expect(article.publishedAt).toBe(expected);
    const dayInName = /\d{4}-\d{2}-\d{2}/.exec(file)?.[0];
    expect(article.publishedAt?.slice(0, 10)).toBe(dayInName);
  });

  it('drops tagline, headline, date line, caption and the READ line', () => {
    expect(readLine).not.toBe('');
    expect(caption).toContain('[');
    for (const gone of [tagline, headline, dateLine, caption, readLine]) {
      expect(article.text).not.toContain(gone);
    }
  });

  it('keeps every body paragraph verbatim, in order, joined by a blank line', () => {
    expect(bodyBlocks.length).toBeGreaterThan(3);
    expect(article.text).toBe(bodyBlocks.join('\n\n'));
  });

  it('has no source or url (plain text carries no metadata)', () => {
    expect(article.source).toBeNull();
    expect(article.url).toBeNull();
  });
});

describeWithShared('prose-only text files (PolNeAR dev)', () => {
  const dir = path.join(sharedDir, 'eval', 'quotes', 'polnear-dev');
  const files = readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt'));
  const annotations = readdirSync(path.join(dir, 'attributions'));

  it('takes the headline line as title (or keeps it as text) and the body blocks verbatim', () => {
    let bodyBlocks = 0;
    let kept = 0;
    let titled = 0;
    for (const file of files) {
      const content = readFileSync(path.join(dir, 'text', file), 'utf8');
      const article = only(parseArticle(file, content));
      const firstLine = content.split('\n')[0]?.trim() ?? '';
      // A headline is never lost: it is the title, or (when it reads like a news sentence)
      // it stays at the head of the text and the title is derived from it.
      const headline = !article.text.startsWith(firstLine);
      if (headline) {
        expect(article.title).toBe(firstLine.replace(/;$/, ''));
        titled++;
      }
      const paragraphs = article.text.split('\n\n');
      const rest = blocksOf(content.slice(content.indexOf('\n')));
      const blocks = headline ? rest : [firstLine, ...rest];
      for (const p of paragraphs) expect(blocks).toContain(p);
      bodyBlocks += blocks.length;
      kept += blocks.filter((b) => paragraphs.includes(b)).length;
    }
    // Only separators, bare credits and link prompts may go.
    expect(kept / bodyBlocks).toBeGreaterThan(0.97);
    // These headlines all end in a full stop or semicolon: most still read as headlines.
    expect(titled / files.length).toBeGreaterThan(0.9);
  });

  it('keeps every annotated speaker, cue and quotation', () => {
    const lost: string[] = [];
    let spans = 0;
    for (const file of files) {
      const content = readFileSync(path.join(dir, 'text', file), 'utf8');
      const article = only(parseArticle(file, content));
      const ann = annotations.find((a) => a.startsWith(file.replace(/\.txt$/, '')));
      if (ann === undefined) continue;
      for (const line of readFileSync(path.join(dir, 'attributions', ann), 'utf8').split('\n')) {
        const m = /^T\d+\t(Source|Cue|Content) (\d+) (\d+)\t/.exec(line);
        if (!m) continue;
        spans++;
        const span = content.slice(Number(m[2]), Number(m[3]));
        const inTitleLine = Number(m[3]) <= content.indexOf('\n');
        if (!inTitleLine && !article.text.includes(span)) lost.push(`${file}: ${span}`);
      }
    }
    expect(spans).toBeGreaterThan(1000);
    expect(lost).toEqual([]);
  });
});

describe('plain text', () => {
  it('parses a prose-only file: first line is the title, every paragraph kept', () => {
    const paras = [
      'The ferry service to the islands will resume next week, operators said on Friday.',
      '“Passengers have been patient,” said Tomas Lind, who runs the line.',
      'Tickets go on sale on Monday.',
    ];
    const content = `Island ferries to return next week\n\n${paras.join('\n\n')}\n`;
    const a = only(parseArticle('ferry.txt', content));
    expect(a.title).toBe('Island ferries to return next week');
    expect(a.text).toBe(paras.join('\n\n'));
    expect(a.publishedAt).toBeNull();
  });

  it('drops captions, share lines and cross-links in the middle of the body', () => {
    const body = ['First paragraph of the story, long enough to be a sentence.', 'Second one.'];
    const content = [
      'Bridge reopens',
      'By Lena Ortiz | 2 February 2024',
      body[0],
      'The bridge at night [KAI TAN/AFP via Getty Images]',
      'Share this article',
      'READ MORE: Toll rises again',
      body[1],
      'Follow us on Twitter',
    ].join('\n\n');
    const a = only(parseArticle('bridge.txt', content));
    expect(a.title).toBe('Bridge reopens');
    expect(a.publishedAt).toBe('2024-02-02T00:00:00.000Z');
    expect(a.text).toBe(body.join('\n\n'));
  });

  it('keeps a lone paragraph as the body instead of calling it a headline', () => {
    const a = only(parseArticle('short.txt', 'The pier reopened on Monday after repairs.\n'));
    expect(a.text).toBe('The pier reopened on Monday after repairs.');
    expect(a.title).toBe('The pier reopened on Monday after repairs.');
  });

  it('throws INPUT_EMPTY naming the file when only page furniture is left', () => {
    const content = 'Share this article\n\nAdvertisement\n\n[PIA LUND/AFP via Getty Images]\n';
    const err = captureError(() => parseArticle('empty.txt', content));
    expect(err.code).toBe('INPUT_EMPTY');
    expect(err.input).toBe('empty.txt');
    expect(err.message).toMatch(/empty\.txt.*no article text/);
  });

  it('throws INPUT_EMPTY for a blank file', () => {
    expect(captureError(() => parseArticle('blank.txt', ' \n\n ')).code).toBe('INPUT_EMPTY');
  });
});

describe('markdown', () => {
  it('takes the # heading as title, strips heading markers and image lines', () => {
    const content = [
      '# Council backs new cycle lanes',
      '*Published 4 April 2023*',
      '![A cycle lane](https://img.example/lane.jpg)',
      'The council voted **9 to 2** for [the plan](https://example.org/plan).',
      '## What happens next',
      'Work starts in June.',
      '[Read the council minutes](https://example.org/minutes)',
    ].join('\n\n');
    const a = only(parseArticle('lanes.md', content));
    expect(a.title).toBe('Council backs new cycle lanes');
    expect(a.publishedAt).toBe('2023-04-04T00:00:00.000Z');
    expect(a.text).toBe(
      [
        'The council voted **9 to 2** for [the plan](https://example.org/plan).',
        'What happens next',
        'Work starts in June.',
      ].join('\n\n'),
    );
  });

  it('reads front matter for title, date, source and url', () => {
    const content = [
      '---',
      'title: "Library hours extended"',
      'date: 2022-09-01T08:00:00Z',
      'source: Town Crier',
      'url: https://example.org/library',
      '---',
      '',
      'The library will open until 9pm from next month.',
    ].join('\n');
    const a = only(parseArticle('library.md', content));
    expect(a).toEqual({
      title: 'Library hours extended',
      text: 'The library will open until 9pm from next month.',
      publishedAt: '2022-09-01T08:00:00.000Z',
      source: 'Town Crier',
      url: 'https://example.org/library',
    });
  });

  it('keeps a heading directly followed by text on the next line apart', () => {
    const a = only(parseArticle('x.md', '# Title line\nBody starts right here.\n'));
    expect(a.title).toBe('Title line');
    expect(a.text).toBe('Body starts right here.');
  });
});

describe('dispatch', () => {
  it('rejects an unsupported extension with INPUT_UNSUPPORTED', () => {
    expect(captureError(() => parseArticle('notes.pdf', 'x')).code).toBe('INPUT_UNSUPPORTED');
  });
});

function captureError(fn: () => unknown): BriefwireError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BriefwireError) return e;
    throw e;
  }
  throw new Error('expected a BriefwireError');
}

describe('dates from file names', () => {
  it('dates an undated article from a YYYY-MM-DD in its file name, and only then', async () => {
    const { dateFromFileName, parseInput } = await import('../../src/ingest/parse.ts');
    expect(dateFromFileName('/x/outlet_2016-09-12_some-story.txt')).toBe(
      '2016-09-12T00:00:00.000Z',
    );
    expect(dateFromFileName('notes-2016-02-30.txt')).toBeNull();
    expect(dateFromFileName('v12016-09-120.txt')).toBeNull();
    const undated = parseInput(
      'a_2020-01-02_b.txt',
      'Headline here\n\nA body paragraph that says something about the harbour.\n',
    );
    expect(undated.articles[0]?.publishedAt).toBe('2020-01-02T00:00:00.000Z');
    const dated = parseInput(
      'a_2020-01-02_b.txt',
      'Headline here\n\nMarch 3, 2021\n\nA body paragraph that says something.\n',
    );
    expect(dated.articles[0]?.publishedAt?.slice(0, 10)).toBe('2021-03-03');
  });
});
