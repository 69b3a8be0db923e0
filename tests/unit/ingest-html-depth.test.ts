import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { limitHtmlDepth } from '../../src/ingest/html-depth.ts';
import { parseArticle } from '../../src/ingest/parse.ts';
import { htmlFragmentToParagraphs } from '../../src/ingest/parse-html.ts';
import { isBriefwireError } from '../../src/model/errors.ts';
import { LIMITS } from '../../src/model/limits.ts';

/** "No hang": deep pages used to run for minutes; each of these must finish well within this. */
const NO_HANG_MS = 30_000;

const TITLE = 'Marrowby pier to reopen in spring';
const PARAGRAPHS = [
  'Mara Quist, mayor of Marrowby, said on Tuesday that the pier would reopen in the spring after two years of repairs to its decking.',
  'The council in Portline agreed to share the cost of new railings, a spokesman for the harbour board said.',
  'Work on the lifeboat slipway is expected to finish before the summer season begins.',
];
const ARTICLE = `<article><h1>${TITLE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article>`;

/** The deepest element of the DOM linkedom builds (document's children are depth 1), and its text. */
function domShape(html: string): { depth: number; text: string } {
  const { document } = parseHTML(html);
  let depth = 0;
  const texts: string[] = [];
  const stack: Array<[node: DomLike, depth: number]> = [[document as unknown as DomLike, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [node, d] = entry;
    if (node.nodeType === 1) depth = Math.max(depth, d);
    if (node.nodeType === 3) texts.push(node.nodeValue ?? '');
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push([child, d + 1]);
    }
  }
  return { depth, text: texts.join('').replace(/\s+/g, '') };
}
interface DomLike {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomLike>;
}

function expectTheArticle(path: string, html: string): void {
  const [article] = parseArticle(path, html);
  expect(article?.title).toBe(TITLE);
  expect(article?.text.split('\n\n')).toEqual(PARAGRAPHS);
}

describe('deeply nested HTML neither hangs nor overflows the stack', () => {
  it(
    'reads the article after 100,000 unclosed <div>s',
    () => {
      expectTheArticle(
        'unclosed.html',
        `<html><body>${'<div>'.repeat(100_000)}${ARTICLE}</body></html>`,
      );
    },
    NO_HANG_MS,
  );

  it(
    'reads the article at the bottom of 100,000 closed nested <div>s',
    () => {
      const html = `<html><body>${'<div>'.repeat(100_000)}${ARTICLE}${'</div>'.repeat(100_000)}</body></html>`;
      expectTheArticle('closed.html', html);
    },
    NO_HANG_MS,
  );

  it(
    'reads HTML bodies of JSON records nested 100,000 deep',
    () => {
      const body = `${'<section>'.repeat(100_000)}<p>${PARAGRAPHS[0]}</p>${'</section>'.repeat(100_000)}`;
      expect(htmlFragmentToParagraphs(body)).toEqual([PARAGRAPHS[0]]);
    },
    NO_HANG_MS,
  );

  it(
    'keeps a page with 1,000,000 <div>s each opening a line of text within the limit, text and all',
    () => {
      const line = '<div>Mara Quist spoke at Portline. ';
      const shape = limitHtmlDepth(`<html><body>${line.repeat(1_000_000)}</body></html>`);
      expect(shape.elements).toBe(1_000_002);
      expect(shape.sourceDepth).toBe(1_000_002);
      const sample = limitHtmlDepth(`<html><body>${line.repeat(2_000)}</body></html>`).html;
      const { depth, text } = domShape(sample);
      expect(depth).toBe(LIMITS.htmlDepth);
      expect(text).toBe('MaraQuistspokeatPortline.'.repeat(2_000));
    },
    NO_HANG_MS,
  );
});

describe('the depth pre-pass', () => {
  it('passes a page nested less deep than the limit through unchanged', () => {
    const depth = LIMITS.htmlDepth - 10;
    const page = [
      '<!doctype html><html><head><title>Marrowby</title><meta charset="utf-8">',
      '<script>if (a < b && c > d) document.write("<div><div>")</script></head><body>',
      '<!-- <div><div><div> -->',
      '<DIV class="outer">'.repeat(depth - 4),
      '<p>Mara Quist, mayor of Marrowby, said <b>so</b>.<br><img src="pier.jpg" alt="a > b">',
      '<p>A second paragraph, implied closed like the first.<ul><li>one<li>two</ul>',
      '</div>'.repeat(depth - 4),
      '</body></html>',
    ].join('\n');
    const shape = limitHtmlDepth(page);
    expect(shape.html).toBe(page);
    expect(shape.flattened).toBe(0);
    expect(shape.sourceDepth).toBe(domShape(page).depth);
  });

  it('does not count "<div>" inside quoted attributes, script, style, textarea, title or comments', () => {
    const fake = '<div><div><div><div><div><div>';
    const page = [
      `<html><head><title>${fake}</title><style>a::after { content: "${fake}" }</style></head>`,
      `<body><div data-x="${fake}" title='a > ${fake}'>`,
      `<script>const s = "${fake}";</script><textarea>${fake}</textarea><!-- ${fake} -->`,
      '<p>Mara Quist spoke.</p></div></body></html>',
    ].join('');
    const shape = limitHtmlDepth(page, 4);
    expect(shape.sourceDepth).toBe(4); // html > body > div > p
    expect(shape.html).toBe(page);
  });

  it('counts nesting as the HTML parser builds it: implied closes, void and self-closing tags', () => {
    const implied = `<html><body>${'<p>Mara'.repeat(50)}${'<li>item'.repeat(50)}</body></html>`;
    const voids = `<html><body>${'<br><img src=x><input>'.repeat(50)}</body></html>`;
    const svg = `<html><body><svg>${'<path d="M0 0"/>'.repeat(50)}</svg></body></html>`;
    for (const page of [implied, voids, svg]) {
      expect(limitHtmlDepth(page, 4).html).toBe(page);
      expect(domShape(page).depth).toBeLessThanOrEqual(4);
    }
    // Outside SVG and MathML "/>" closes nothing: 50 <div/>s nest 50 deep.
    const divs = `<html><body>${'<div/>Mara '.repeat(50)}</body></html>`;
    expect(domShape(divs).depth).toBe(52);
    const flattened = limitHtmlDepth(divs, 4).html;
    expect(domShape(flattened)).toEqual({ depth: 4, text: 'Mara'.repeat(50) });
  });

  it('drops wrappers past the limit and keeps elements that hold text, in order', () => {
    const page = `<html><body>${'<div>'.repeat(20)}<h1>Marrowby</h1><p>Portline</p>${'</div>'.repeat(20)}<p>after</p></body></html>`;
    const shape = limitHtmlDepth(page, 6);
    const { document } = parseHTML(shape.html);
    const headings = (
      document as unknown as { querySelectorAll(s: string): ArrayLike<DomText> }
    ).querySelectorAll('h1, p');
    expect(Array.from(headings).map((e) => e.textContent)).toEqual([
      'Marrowby',
      'Portline',
      'after',
    ]);
    expect(domShape(shape.html).depth).toBeLessThanOrEqual(6);
  });

  it('never goes deeper than the limit and keeps all the text, on generated tag soup', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const names = [
      'div',
      'p',
      'span',
      'li',
      'ul',
      'table',
      'tr',
      'td',
      'svg',
      'title',
      'b',
      'h1',
      'Section',
      'br',
      'img',
      'option',
      'select',
      'dd',
      'script',
    ];
    for (let run = 0; run < 200; run++) {
      let page = '';
      for (let i = 0; i < 300; i++) {
        const r = random();
        const name = pick(names);
        if (r < 0.5)
          page += `<${name}${random() < 0.1 ? '/' : ''}${random() < 0.1 ? ' title="x > y"' : ''}>`;
        else if (r < 0.75) page += `</${name}>`;
        else if (r < 0.95) page += pick(['Mara ', 'Quist ', ' ', '\n', '3 < 4 ']);
        else page += pick(['<!-- <div> -->', '<!doctype html>', '</p>', '</br>', '<![CDATA[x]]>']);
      }
      const limit = 2 + Math.floor(random() * 8);
      const before = domShape(page);
      const shape = limitHtmlDepth(page, limit);
      const after = domShape(shape.html);
      expect(after.depth).toBeLessThanOrEqual(limit);
      expect(after.text).toBe(before.text);
      if (before.depth <= limit) expect(shape.html).toBe(page);
    }
  });
});
interface DomText {
  readonly textContent: string | null;
}

describe('page size bounds', () => {
  it(
    'refuses a page with 1,000,000 sibling elements as INPUT_MALFORMED naming the file',
    () => {
      const html = `<html><body>${ARTICLE}${'<span>x</span>'.repeat(1_000_000)}</body></html>`;
      let error: unknown;
      try {
        parseArticle('sprawl.html', html);
      } catch (e) {
        error = e;
      }
      expect(isBriefwireError(error) && error.code).toBe('INPUT_MALFORMED');
      expect(isBriefwireError(error) && error.input).toBe('sprawl.html');
      expect(String((error as Error).message)).toMatch(
        /^sprawl\.html: the page has 1000\d+ HTML elements/,
      );
    },
    NO_HANG_MS,
  );

  it(
    'reads a page too large for Readability by walking its body',
    () => {
      const filler = '<p>Harbour notice number</p>'.repeat(30_000);
      const [article] = parseArticle('long.html', `<html><body>${ARTICLE}${filler}</body></html>`);
      expect(article?.text).toContain(PARAGRAPHS[2]);
      expect(article?.text).toContain(PARAGRAPHS[0]);
    },
    NO_HANG_MS,
  );
});
