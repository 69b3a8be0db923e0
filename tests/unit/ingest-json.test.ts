import { describe, expect, it } from 'vitest';
import { parseArticle, parseInput } from '../../src/ingest/parse.ts';
import { BriefwireError } from '../../src/model/errors.ts';

const good = {
  title: 'Tram line extension opens',
  text: 'The extension opened on Saturday.\n\nIt adds four stops.',
  url: 'https://example.org/tram',
  publishedAt: '2024-06-01T09:30:00+02:00',
  source: 'Metro Daily',
};

describe('JSON input', () => {
  it('parses one article object', () => {
    const [a] = parseArticle('one.json', JSON.stringify(good));
    expect(a).toEqual({
      title: good.title,
      text: good.text,
      url: good.url,
      publishedAt: '2024-06-01T07:30:00.000Z',
      source: good.source,
    });
  });

  it('accepts the alternative field names', () => {
    const record = {
      title: 'Night buses return',
      body: 'Night buses return on Friday.',
      link: 'https://example.org/buses',
      published_at: '2024-01-02',
      site: 'Metro Daily',
    };
    const [a] = parseArticle('alt.json', JSON.stringify([record]));
    expect(a?.text).toBe(record.body);
    expect(a?.url).toBe(record.link);
    expect(a?.publishedAt).toBe('2024-01-02T00:00:00.000Z');
    expect(a?.source).toBe('Metro Daily');
    const [b] = parseArticle('c.json', JSON.stringify({ title: 'T', content: 'Body.', date: 'x' }));
    expect(b?.text).toBe('Body.');
    expect(b?.publishedAt).toBeNull();
    expect(b?.source).toBeNull();
  });

  it('parses {articles: [...]} and reports a bad record by index while keeping the rest', () => {
    const content = JSON.stringify({
      articles: [good, { title: 'No body here' }, { ...good, title: 'Second good one' }],
    });
    const { articles, problems } = parseInput('feed.json', content);
    expect(articles.map((a) => a.title)).toEqual([good.title, 'Second good one']);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('INPUT_MALFORMED');
    expect(problems[0]?.input).toBe('feed.json');
    expect(problems[0]?.message).toMatch(/feed\.json.*articles\[1\].*no text/);
  });

  it('reports records that are not objects', () => {
    const { articles, problems } = parseInput('mixed.json', JSON.stringify([good, 42, null]));
    expect(articles).toHaveLength(1);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/record \[1\] is a number/),
      expect.stringMatching(/record \[2\] is null/),
    ]);
  });

  it('throws when every record is bad', () => {
    const err = captureError(() => parseArticle('bad.json', '[{"title": "x"}]'));
    expect(err.code).toBe('INPUT_MALFORMED');
    expect(err.message).toMatch(/bad\.json.*record \[0\]/);
  });

  it('explains invalid JSON with a line and column', () => {
    const content = '{\n  "title": "x",\n  "text": "y",,\n}';
    const err = captureError(() => parseArticle('broken.json', content));
    expect(err.code).toBe('INPUT_MALFORMED');
    expect(err.input).toBe('broken.json');
    expect(err.message).toMatch(/^broken\.json: invalid JSON at line 3, column \d+: /);
  });

  it('rejects a root that is not an article, an array or {articles}', () => {
    const err = captureError(() => parseArticle('n.json', '"just a string"'));
    expect(err.code).toBe('INPUT_MALFORMED');
    expect(err.message).toMatch(/expected an article object/);
  });

  it('treats an empty array as INPUT_EMPTY', () => {
    expect(captureError(() => parseArticle('none.json', '[]')).code).toBe('INPUT_EMPTY');
  });

  it('cleans the text like other formats and reads HTML bodies', () => {
    const record = {
      title: 'Harbour fire contained',
      content:
        '<p>Harbour fire contained</p><p>Firefighters contained the blaze &amp; nobody was hurt.</p>' +
        '<p>Share this article</p><p>Crews stayed overnight.</p>',
    };
    const [a] = parseArticle('html-body.json', JSON.stringify(record));
    expect(a?.text).toBe(
      'Firefighters contained the blaze & nobody was hurt.\n\nCrews stayed overnight.',
    );
  });

  it('infers a title from the text when the record has none', () => {
    const [a] = parseArticle(
      't.json',
      JSON.stringify({ text: 'Pier reopens\n\nThe pier reopened.' }),
    );
    expect(a?.title).toBe('Pier reopens');
    expect(a?.text).toBe('The pier reopened.');
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
