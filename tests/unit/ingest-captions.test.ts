import { describe, expect, it } from 'vitest';
import { isCaptionBesidePicture, isWireCaption } from '../../src/ingest/caption.ts';
import { classifyBlock } from '../../src/ingest/clean.ts';
import { parseArticle } from '../../src/ingest/parse.ts';

/** Issue #15: picture captions and credits go before analysis, from HTML and from text. */

const body = [
  'Dock workers in Marrowby walked out on Monday after talks over night-shift pay collapsed, the Portline union said.',
  '“We asked for a fair rota and got a letter,” said Mara Quist, who chairs the union branch.',
  'The port authority said it would meet the union again on Thursday, and that ferries would keep running.',
];

function page(article: string): string {
  return `<!doctype html><html><head><title>Marrowby dock strike</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Marrowby dock strike</h1>${article}</article>
    <footer>© 2026 Portline Gazette</footer></body></html>`;
}

const paragraphs = body.map((p) => `<p>${p}</p>`);

describe('captions in HTML', () => {
  it('drops a <figcaption> and keeps every paragraph', () => {
    const html = page(
      [
        paragraphs[0],
        '<figure><img src="pier.jpg" alt="The pier"><figcaption>Harbour workers at the pier in Marrowby on Monday.</figcaption></figure>',
        ...paragraphs.slice(1),
      ].join(''),
    );
    const [a] = parseArticle('strike.html', html);
    expect(a?.text).toBe(body.join('\n\n'));
  });

  it('drops caption and credit elements named by their class, and a credit line in a caption', () => {
    const html = page(
      [
        '<div class="media-item"><img src="crane.jpg" alt="">',
        '<span class="media-caption__text">A crane idles at the Marrowby container terminal.</span>',
        '<span class="photo-credit">Jon Pell/Portline Pictures</span></div>',
        paragraphs[0],
        '<p class="caption">Pickets at the gate on Tuesday. Credit Jon Pell/Portline Pictures — Getty Images</p>',
        ...paragraphs.slice(1),
      ].join(''),
    );
    const [a] = parseArticle('strike.html', html);
    expect(a?.text).toBe(body.join('\n\n'));
  });

  it('drops a lone short line boxed with a picture, not a paragraph beside a small icon', () => {
    const html = page(
      [
        '<div class="pic"><img src="gate.jpg" alt="Gate" width="800"><p>The main gate at dawn.</p></div>',
        paragraphs[0],
        `<p><img src="flag.png" alt="" width="16">${body[1]}</p>`,
        paragraphs[2],
      ].join(''),
    );
    const [a] = parseArticle('strike.html', html);
    expect(a?.text).toBe(body.join('\n\n'));
  });

  it('drops a lone caption line right before or after a picture, not a short paragraph', () => {
    const html = page(
      [
        paragraphs[0],
        '<p><img src="gate.jpg" alt="Gate"></p>',
        '<p><em>Harbour workers at the pier in Marrowby on Monday.</em></p>',
        paragraphs[1],
        '<p>Ferries queue outside Portline harbour</p>',
        '<img src="ferries.jpg" alt="Ferries">',
        '<p>The strike ends on Friday.</p>',
        paragraphs[2],
      ].join(''),
    );
    const [a] = parseArticle('strike.html', html);
    expect(a?.text).toBe([body[0], body[1], 'The strike ends on Friday.', body[2]].join('\n\n'));
  });

  it('drops a caption set as a one-item list after a figure, or as a paragraph repeating the alt text', () => {
    const html = page(
      [
        paragraphs[0],
        '<figure><div><img src="pier.jpg" alt="Mara Quist at the Marrowby pier, where she first worked."></div></figure>',
        '<ul><li><p>Mara Quist at the Marrowby pier, where she first worked</p></li></ul>',
        paragraphs[1],
        '<figure><img src="gate.jpg" alt="Pickets"></figure>',
        '<ul><li><p>Clockwise from left: the gate; a picket sign; the night shift leaving.</p></li></ul>',
        '<p><img src="crane.jpg" alt="A crane idles at the empty container terminal on Monday."></p>',
        '<div><p>A crane idles at the empty container terminal on Monday.</p></div>',
        ...paragraphs.slice(2),
      ].join(''),
    );
    const [a] = parseArticle('strike.html', html);
    expect(a?.text).toBe(body.join('\n\n'));
  });

  it('keeps a real list after a figure, and a paragraph that only shares words with an alt text', () => {
    const list = '<ul><li>Pay rises of 4 %.</li><li>A shorter night shift.</li></ul>';
    const html = page(
      [
        paragraphs[0],
        '<figure><img src="pier.jpg" alt="Dock workers at the Marrowby pier on Monday."></figure>',
        list,
        '<p>Dock workers at the Marrowby pier on Monday voted to end the strike.</p>',
        ...paragraphs.slice(1),
      ].join(''),
    );
    const [a] = parseArticle('strike.html', html);
    expect(a?.text).toContain('A shorter night shift.');
    expect(a?.text).toContain('voted to end the strike');
  });

  it('drops figure captions from a JSON record whose body is HTML', () => {
    const content = `${paragraphs[0]}<figure><img src="x.jpg" alt="x"><figcaption>Harbour workers at the pier in Marrowby on Monday.</figcaption></figure>${paragraphs[1]}`;
    const [a] = parseArticle('s.json', JSON.stringify({ title: 'Dock strike', content }));
    expect(a?.text).toBe(body.slice(0, 2).join('\n\n'));
  });
});

describe('wire captions in text', () => {
  it.each([
    'In this photo dated March 3, 2026, dock workers gather at the Marrowby gate.',
    'In this March 3, 2026, file photo, Mara Quist speaks to reporters in Marrowby.',
    'FILE - In this Feb. 9, 2026 photo, a ferry leaves Portline harbour.',
    'This undated photo provided by the Portline Gazette shows the old pier.',
    'Pickets stand at the gate on Monday. (AP Photo/Jane Doe)',
    'Pickets stand at the gate (AP Photo/Jane Doe, File) as the shift changes.',
    'Pickets at the gate on Tuesday. Credit Jon Pell/Portline Pictures — Getty Images',
  ])('sees a caption in %j', (block) => {
    expect(isWireCaption(block)).toBe(true);
    expect(classifyBlock(block)).toBe('caption');
  });

  it.each([
    'In this town, the pier has always come first, the mayor said.',
    'In this picture-perfect harbour, the strike came as a shock.',
    'This photograph of the pier was shared thousands of times, the council said.',
    'The union gave credit to Mara Quist for the deal.',
    'MARROWBY (Portline Wire) — Dock workers walked out on Monday.',
    'Analysts credit Portline/Marrowby traffic growth for the rise in fares over the decade, a report said, citing the port figures published in a long annex.',
  ])('keeps body text %j', (block) => {
    expect(isWireCaption(block)).toBe(false);
  });

  it('drops wire captions from a text article and keeps the body whole', () => {
    const content = [
      'Marrowby dock workers strike over night pay',
      body[0],
      'In this photo dated March 3, 2026, dock workers gather at the Marrowby gate. (AP Photo/Jane Doe)',
      body[1],
      'In this March 3, 2026, photo, Mara Quist speaks to reporters.',
      body[2],
    ].join('\n\n');
    const [a] = parseArticle('strike.txt', content);
    expect(a?.title).toBe('Marrowby dock workers strike over night pay');
    expect(a?.text).toBe(body.join('\n\n'));
  });
});

describe('captions beside a picture in markdown', () => {
  it('drops an emphasised or unpunctuated line right after a picture, keeps body after one', () => {
    const content = [
      '# Marrowby dock workers strike over night pay',
      body[0],
      '![Pickets](https://img.example/pickets.jpg)',
      '*Harbour workers at the pier in Marrowby on Monday.*',
      body[1],
      '![Gate](https://img.example/gate.jpg)\nThe main gate of Portline harbour',
      body[2],
      '![Crane](https://img.example/crane.jpg)',
      'The strike ends on Friday.',
    ].join('\n\n');
    const [a] = parseArticle('strike.md', content);
    expect(a?.title).toBe('Marrowby dock workers strike over night pay');
    expect(a?.text).toBe([...body, 'The strike ends on Friday.'].join('\n\n'));
  });

  it('tells a caption line from a sentence', () => {
    expect(isCaptionBesidePicture('_Pickets at the Marrowby gate._')).toBe(true);
    expect(isCaptionBesidePicture('Pickets at the Marrowby gate')).toBe(true);
    expect(isCaptionBesidePicture('Pickets gathered at the gate, Mara Quist said.')).toBe(false);
    expect(isCaptionBesidePicture('She added:')).toBe(false);
    expect(isCaptionBesidePicture(body[0] ?? '')).toBe(false);
  });
});
