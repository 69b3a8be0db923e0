import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectedTextWithoutCaptions, tokenF1, wordTokens as tokens } from '../../eval/html.ts';
import { parseArticle } from '../../src/ingest/parse.ts';
import { describeWithShared, sharedDir } from '../helpers/shared.ts';

interface ExpectedMeta {
  title: string;
  siteName: string | null;
  publishedTime: string | null;
}

describeWithShared('HTML extraction against the Readability test pages', () => {
  const dir = path.join(sharedDir, 'eval', 'html');
  const pages = readdirSync(dir).sort();
  const scores = new Map<string, number>();

  afterAll(() => {
    const lines = [...scores].map(([page, f1]) => `  ${page.padEnd(14)} ${f1.toFixed(4)}`);
    console.log(`HTML token F1 per page:\n${lines.join('\n')}`);
  });

  it.each(pages)('%s: body, title, source and date', (page) => {
    const source = readFileSync(path.join(dir, page, 'source.html'), 'utf8');
    const expected = readFileSync(path.join(dir, page, 'expected.html'), 'utf8');
    const meta = JSON.parse(
      readFileSync(path.join(dir, page, 'expected-metadata.json'), 'utf8'),
    ) as ExpectedMeta;
    const [article] = parseArticle(`${page}.html`, source);
    if (!article) throw new Error('no article');
    const f1 = tokenF1(tokens(article.text), tokens(expectedTextWithoutCaptions(expected)));
    scores.set(page, f1);
    expect(f1).toBeGreaterThan(0.95);
    // Title: the expected one, or the expected one without a trailing " - Site Name".
    expect(article.title.length).toBeGreaterThan(0);
    expect(meta.title.startsWith(article.title)).toBe(true);
    expect(article.title.length).toBeGreaterThan(meta.title.length * 0.6);
    expect(article.source).toBe(meta.siteName);
    if (meta.publishedTime !== null) {
      const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(meta.publishedTime);
      const want = Date.parse(zoned ? meta.publishedTime : `${meta.publishedTime}Z`);
      expect(article.publishedAt).toBe(new Date(want).toISOString());
    }
    expect(article.text).not.toMatch(/\n{3,}|^\s|\s$/);
  });

  it('averages token F1 >= 0.98 over the pages', () => {
    expect(scores.size).toBe(pages.length);
    const mean = [...scores.values()].reduce((a, b) => a + b, 0) / scores.size;
    expect(mean).toBeGreaterThanOrEqual(0.98);
  });
});

describe('HTML metadata and paragraphs', () => {
  const page = `<!doctype html><html><head>
    <title>Pier reopens after repairs | Harbour Times</title>
    <meta property="og:title" content="Pier reopens after repairs | Harbour Times">
    <meta property="og:site_name" content="Harbour Times">
    <meta property="og:url" content="https://harbour.example/pier">
    <link rel="canonical" href="/news/pier-reopens">
    <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-05-06T10:00:00+01:00"}]}</script>
    </head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article>
      <h1>Pier reopens after repairs</h1>
      <p>By Dana Moss</p>
      <p>The   pier reopened on
         Saturday &amp; hundreds walked its <em>full</em> length.</p>
      <figure><img src="p.jpg"><figcaption>The pier at dusk [OLE VIK/AFP via Getty Images]</figcaption></figure>
      <p>“It feels like summer,” said one visitor, Mara Holt, who had waited since the storm last winter.</p>
      <h2>Repairs took two years</h2>
      <ul><li>New decking along the whole length.</li><li>New railings on both sides.</li></ul>
      <p>Share this article</p>
      <p>The council said the final bill was lower than the estimate it published in 2021.</p>
    </article>
    <footer>© 2023 Harbour Times</footer>
    </body></html>`;

  const [article] = parseArticle('pier.html', page);

  it('reads title (without the site suffix), source, canonical url and JSON-LD date', () => {
    expect(article?.title).toBe('Pier reopens after repairs');
    expect(article?.source).toBe('Harbour Times');
    expect(article?.url).toBe('https://harbour.example/news/pier-reopens');
    expect(article?.publishedAt).toBe('2023-05-06T09:00:00.000Z');
  });

  it('gives one paragraph per block, whitespace collapsed, entities decoded, boilerplate gone', () => {
    expect(article?.text.split('\n\n')).toEqual([
      'The pier reopened on Saturday & hundreds walked its full length.',
      '“It feels like summer,” said one visitor, Mara Holt, who had waited since the storm last winter.',
      'Repairs took two years',
      'New decking along the whole length.',
      'New railings on both sides.',
      'The council said the final bill was lower than the estimate it published in 2021.',
    ]);
  });

  it('throws INPUT_MALFORMED naming the file when it holds no tag at all (not a crash)', () => {
    expect(() => parseArticle('plain.html', 'Just a line of text, \u5c0f no markup')).toThrow(
      /plain\.html: holds no HTML elements/,
    );
  });

  it('throws INPUT_EMPTY naming the file when a page has no text', () => {
    expect(() =>
      parseArticle('blank.html', '<html><body><script>x()</script></body></html>'),
    ).toThrow(/blank\.html: no article text/);
  });
});
