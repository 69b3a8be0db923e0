import { describe, expect, it } from 'vitest';
import { parseOpml, toOpml } from '../../src/ingest/feeds/opml.ts';
import { BriefwireError } from '../../src/model/errors.ts';

/** OPML import (nested folders, odd attribute cases) and export (escaping), round trip. */

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Mara Quist's feeds</title></head>
  <body>
    <outline text="Harbour">
      <outline text="Portline &amp; Co" title="Portline &amp; Co" type="rss" xmlUrl="https://portline.example/feed.xml?a=1&amp;b=2" htmlUrl="https://portline.example/"/>
      <outline text="Deeper">
        <outline text="Marrowby Courier" xmlurl="https://marrowby.example/rss"/>
      </outline>
    </outline>
    <outline title="Quayside Ferries" xmlUrl="https://ferries.example/atom.xml"/>
    <outline text="Duplicate" xmlUrl="https://marrowby.example/rss"/>
    <outline text="Relative" xmlUrl="/relative.xml"/>
    <outline text="Not http" xmlUrl="file:///etc/passwd"/>
    <outline text="Folder without feeds"/>
  </body>
</opml>`;

function refusal(text: string, file: string): BriefwireError {
  try {
    parseOpml(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(BriefwireError);
    return e as BriefwireError;
  }
  throw new Error('parseOpml accepted it');
}

describe('parseOpml', () => {
  it('reads nested outlines in document order, once per URL, http(s) only', () => {
    expect(parseOpml(NESTED, 'subs.opml')).toEqual([
      { url: 'https://portline.example/feed.xml?a=1&b=2', title: 'Portline & Co' },
      { url: 'https://marrowby.example/rss', title: 'Marrowby Courier' },
      { url: 'https://ferries.example/atom.xml', title: 'Quayside Ferries' },
    ]);
  });

  it('reads an OPML 1.0 file with a BOM and no head', () => {
    const text =
      '\uFEFF<opml version="1.0"><body><outline text="Pier" xmlUrl="http://pier.example/rss"/></body></opml>';
    expect(parseOpml(text, 'old.opml')).toEqual([
      { url: 'http://pier.example/rss', title: 'Pier' },
    ]);
  });

  it('refuses what is not OPML with FEED_INVALID naming the file', () => {
    for (const text of [
      '',
      '<rss version="2.0"><channel/></rss>',
      '<html><body>hi</body></html>',
      '\u0000\u0001binary\u0000',
    ]) {
      const e = refusal(text, 'bad.opml');
      expect(e.code).toBe('FEED_INVALID');
      expect(e.input).toBe('bad.opml');
      expect(e.message.startsWith('bad.opml: ')).toBe(true);
    }
  });
});

describe('toOpml', () => {
  it('escapes titles and URLs, and reads back to the same feeds', () => {
    const feeds = [
      {
        url: 'https://portline.example/feed.xml?a=1&b=2',
        title: 'Portline "Gazette" <news> & more',
      },
      { url: 'https://marrowby.example/rss', title: null },
      { url: 'https://odd.example/feed', title: "Mara Quist's ]]> notes" },
    ];
    const xml = toOpml(feeds, 'Briefwire <feeds> & ]]> "quotes"');
    expect(xml).toContain('a=1&amp;b=2');
    expect(xml).not.toMatch(/<news>/);
    expect(parseOpml(xml, 'export.opml')).toEqual([
      feeds[0],
      { url: 'https://marrowby.example/rss', title: 'https://marrowby.example/rss' },
      feeds[2],
    ]);
  });

  it('exports an empty list as a valid OPML file', () => {
    const xml = toOpml([], 'Nothing');
    expect(xml).toMatch(/<opml version="2.0">/);
    expect(parseOpml(xml, 'empty.opml')).toEqual([]);
  });
});
