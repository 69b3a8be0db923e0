import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/ingest/decode.ts';
import { parseOpml, toOpml } from '../../src/ingest/feeds/opml.ts';
import { parseFeed } from '../../src/ingest/feeds/parse.ts';
import type { ParsedFeed } from '../../src/ingest/feeds/types.ts';
import { BriefwireError } from '../../src/model/errors.ts';
import { seededRandom } from '../../src/nlp/tagger/train.ts';

/**
 * Fuzzing the feed and OPML parsers with mutated fixture feeds: truncation, character flips,
 * tag and entity injection, deep nesting, huge attributes, entity bombs. Whatever the input,
 * a parse returns or throws FEED_INVALID naming its input, within a few seconds, and its output
 * is never much larger than its input (no entity expansion). Seeds are fixed so a failure
 * reproduces; BRIEFWIRE_FUZZ_SEED adds one.
 */

type Random = () => number;
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Random, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'feeds');
const SEEDS = [
  11,
  2024,
  77_001,
  ...(process.env.BRIEFWIRE_FUZZ_SEED ? [Number(process.env.BRIEFWIRE_FUZZ_SEED)] : []),
];
/** Wall-clock budget for the whole run, and the "no hang" bound for one parse (generous). */
const BUDGET_MS = 45_000;
const ONE_PARSE_MS = 5_000;
const CASES_PER_SEED = 1_200;

const FEEDS = readdirSync(FIXTURES)
  .sort()
  .map((name) => decodeBytes(readFileSync(join(FIXTURES, name)), { html: true }).text);
const OPML = toOpml(
  [
    { url: 'https://portline.example/feed.xml?a=1&b=2', title: 'Portline & "Gazette"' },
    { url: 'https://marrowby.example/rss', title: null },
  ],
  'Mara Quist <feeds>',
);

const INJECTIONS = [
  '<item>',
  '</item>',
  '</channel>',
  '<entry><id>x</id>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '&',
  '&amp;amp;',
  '&#xD800;',
  '&#0;',
  '&#99999999;',
  '&nbsp;',
  '&lol9;',
  '<?xml version="1.0"?>',
  '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">]>',
  '"',
  "'",
  '<',
  '>',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '{"version": "https://jsonfeed.org/version/1.1", "items": [',
  ']}',
  '<outline xmlUrl="https://x.example/f">',
  '</outline>',
  'xml:base="javascript:alert(1)"',
  '<link href="//evil.example"/>',
];

function mutate(r: Random, text: string): string {
  const at = int(r, 0, text.length);
  switch (int(r, 0, 8)) {
    case 0: // truncation
      return text.slice(0, at);
    case 1: {
      // character flips
      const chars = [...text];
      for (let i = int(r, 1, 20); i > 0; i--) {
        chars[int(r, 0, chars.length - 1)] = String.fromCharCode(int(r, 0, 0xffff));
      }
      return chars.join('');
    }
    case 2:
    case 3: {
      // tag and entity injection, several at once
      let out = text;
      for (let i = int(r, 1, 8); i > 0; i--) {
        const p = int(r, 0, out.length);
        out = out.slice(0, p) + pick(r, INJECTIONS) + out.slice(p);
      }
      return out;
    }
    case 4: {
      // deep nesting
      const n = pick(r, [100, 600, 5_000, 50_000]);
      const tag = pick(r, ['item', 'b', 'div', 'outline', 'entry']);
      const closed = r() < 0.5 ? `</${tag}>`.repeat(n) : '';
      return `${text.slice(0, at)}${`<${tag}>`.repeat(n)}${closed}${text.slice(at)}`;
    }
    case 5: {
      // a huge attribute (closed or not)
      const quote = r() < 0.8 ? '"' : '';
      return `${text.slice(0, at)}<guid isPermaLink="${'a'.repeat(int(r, 10_000, 2_000_000))}${quote}>x</guid>${text.slice(at)}`;
    }
    case 6: // entity bombs
      return billionLaughs(int(r, 3, 12), pick(r, ['rss', 'feed', 'opml']));
    case 7: // a slice of one feed spliced into another
      return text.slice(0, at) + pick(r, FEEDS).slice(int(r, 0, 500));
    default: // repeated structure
      return text.slice(0, at) + text.slice(at, at + int(r, 1, 200)).repeat(int(r, 2, 2_000));
  }
}

function billionLaughs(levels: number, root: string): string {
  const entities = ['<!ENTITY l0 "lol">'];
  for (let i = 1; i <= levels; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  const body =
    root === 'rss'
      ? `<rss version="2.0"><channel><title>&l${levels};</title><item><title>&l${levels};</title><description>&l${levels};</description></item></channel></rss>`
      : root === 'feed'
        ? `<feed xmlns="http://www.w3.org/2005/Atom"><title>&l${levels};</title><entry><id>&l${levels};</id><title>&l${levels};</title></entry></feed>`
        : `<opml version="2.0"><body><outline text="&l${levels};" xmlUrl="https://x.example/&l${levels};"/></body></opml>`;
  return `<?xml version="1.0"?>\n<!DOCTYPE ${root} [\n${entities.join('\n')}\n]>\n${body}`;
}

interface Outcome {
  ms: number;
  /** Characters of text taken from the input: titles, authors, contents, summaries. */
  textChars: number;
}

/** The text fields' total length (keys and links are made, not copied, so they are left out). */
function textChars(output: unknown): number {
  if (Array.isArray(output))
    return output.reduce(
      (n: number, o: { title?: string | null }) => n + (o.title?.length ?? 0),
      0,
    );
  const feed = output as ParsedFeed | null;
  if (feed === null) return 0;
  let n = feed.title?.length ?? 0;
  for (const e of feed.entries) {
    for (const v of [e.title, e.author, e.contentHtml, e.contentText, e.summary])
      n += v?.length ?? 0;
  }
  return n;
}

function run(parse: () => unknown, input: string, name: string): Outcome {
  const t0 = performance.now();
  let output: unknown = null;
  try {
    output = parse();
  } catch (e) {
    if (!(e instanceof BriefwireError) || e.code !== 'FEED_INVALID' || e.input !== name) {
      throw new Error(
        `${name}: unexpected ${e instanceof Error ? e.stack : String(e)}\ninput head: ${JSON.stringify(input.slice(0, 300))}`,
      );
    }
  }
  return {
    ms: performance.now() - t0,
    textChars: textChars(output),
  };
}

describe('feed and OPML parsers under mutated input', () => {
  it('return or throw FEED_INVALID naming the input, in bounded time and output', () => {
    const started = performance.now();
    let cases = 0;
    let slowest = { ms: 0, name: '' };
    for (const seed of SEEDS) {
      const r = seededRandom(seed);
      for (let i = 0; i < CASES_PER_SEED && performance.now() - started < BUDGET_MS; i++) {
        const useOpml = r() < 0.15;
        const input = mutate(r, useOpml ? OPML : pick(r, FEEDS));
        const name = `https://fuzz.example/${seed}/${i}${useOpml ? '.opml' : ''}`;
        const outcome = useOpml
          ? run(() => parseOpml(input, name), input, name)
          : run(() => parseFeed(input, name), input, name);
        // Output is drawn from the input, plus the end tags a repair adds: entities are never expanded.
        expect(outcome.textChars, name).toBeLessThanOrEqual(input.length * 2 + 1_000);
        expect(outcome.ms, name).toBeLessThan(ONE_PARSE_MS);
        if (outcome.ms > slowest.ms) slowest = { ms: outcome.ms, name };
        cases++;
      }
    }
    expect(cases).toBeGreaterThanOrEqual(2_000);
    console.log(`feed fuzz: ${cases} cases, slowest ${slowest.ms.toFixed(0)} ms (${slowest.name})`);
  }, 120_000);

  it('an entity bomb parses to its literal text with a bounded heap', () => {
    for (const root of ['rss', 'feed']) {
      const feed = parseFeed(billionLaughs(12, root), `https://fuzz.example/bomb.${root}`);
      expect(JSON.stringify(feed).length).toBeLessThan(10_000);
    }
    expect(parseOpml(billionLaughs(12, 'opml'), 'bomb.opml').length).toBeLessThanOrEqual(1);
    expect(process.memoryUsage().heapUsed).toBeLessThan(1_500_000_000);
  });
});
