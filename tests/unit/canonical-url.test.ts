import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParameter } from '../../src/model/url.ts';

describe('canonicalUrl', () => {
  it.each([
    // scheme and host lower-cased, path case kept
    ['HTTPS://News.Portline.EXAMPLE/World/Ferry', 'https://news.portline.example/World/Ferry'],
    // default ports dropped, others kept
    ['http://portline.example:80/a', 'http://portline.example/a'],
    ['https://portline.example:443/a', 'https://portline.example/a'],
    ['https://portline.example:8443/a', 'https://portline.example:8443/a'],
    // fragment dropped
    ['https://portline.example/a#comments', 'https://portline.example/a'],
    // an empty path is "/"
    ['https://portline.example', 'https://portline.example/'],
    // trailing "?" dropped, with or without a fragment after it
    ['https://portline.example/a?', 'https://portline.example/a'],
    ['https://portline.example/a?#top', 'https://portline.example/a'],
    // surrounding blanks ignored
    ['  https://portline.example/a \n', 'https://portline.example/a'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });

  it('removes tracking parameters and keeps the others in their order', () => {
    expect(
      canonicalUrl(
        'https://marrowby.example/story?utm_source=feed&id=42&fbclid=AbC&page=2&utm_medium=rss&gclid=x&lang=en',
      ),
    ).toBe('https://marrowby.example/story?id=42&page=2&lang=en');
  });

  it('drops the "?" when every parameter was tracking', () => {
    expect(
      canonicalUrl(
        'https://marrowby.example/story?utm_campaign=a&mc_cid=1&mc_eid=2&igshid=3&yclid=4&_ga=5&ref_src=twsrc&dclid=6&msclkid=7',
      ),
    ).toBe('https://marrowby.example/story');
  });

  it('matches tracking names case-insensitively and after decoding', () => {
    expect(canonicalUrl('https://marrowby.example/s?UTM_Source=x&FBCLID=y&%75tm_term=z&q=1')).toBe(
      'https://marrowby.example/s?q=1',
    );
  });

  it('keeps the encoding of the parameters it keeps', () => {
    expect(canonicalUrl('https://marrowby.example/s?q=Quayside%20Ferries&tag=a+b&utm_id=1')).toBe(
      'https://marrowby.example/s?q=Quayside%20Ferries&tag=a+b',
    );
  });

  it('keeps repeated and valueless parameters, dropping empty pieces', () => {
    expect(canonicalUrl('https://marrowby.example/s?a=1&&a=2&flag&utm_source=x')).toBe(
      'https://marrowby.example/s?a=1&a=2&flag',
    );
  });

  it('does not mistake a parameter that merely contains a tracking name', () => {
    expect(canonicalUrl('https://marrowby.example/s?my_utm_source=1&gclid_note=2&xfbclid=3')).toBe(
      'https://marrowby.example/s?my_utm_source=1&gclid_note=2&xfbclid=3',
    );
  });

  it('gives one form for spellings of the same article', () => {
    const forms = [
      'https://Portline.example/news/ferry-strike?utm_source=rss',
      'https://portline.example:443/news/ferry-strike#main',
      'HTTPS://PORTLINE.EXAMPLE/news/ferry-strike?fbclid=IwAR0',
      'https://portline.example/news/./ferry-strike?',
    ];
    expect(new Set(forms.map(canonicalUrl))).toEqual(
      new Set(['https://portline.example/news/ferry-strike']),
    );
  });

  it.each([
    ['ftp://portline.example/file'],
    ['file:///etc/passwd'],
    ['gopher://portline.example/'],
    ['mailto:mara.quist@portline.example'],
    ['javascript:alert(1)'],
    ['urn:isbn:0451450523'],
    ['portline.example/no-scheme'],
    ['/relative/path'],
    ['articles/local.html'],
    [''],
    ['   '],
    ['http://'],
  ])('is null for %j', (input) => {
    expect(canonicalUrl(input)).toBeNull();
  });

  it('is stable: the canonical form of a canonical form is itself', () => {
    const once = canonicalUrl('HTTP://Marrowby.example:80/a/../b?x=1&utm_term=t#f');
    expect(once).toBe('http://marrowby.example/b?x=1');
    expect(canonicalUrl(once!)).toBe(once);
  });
});

describe('isTrackingParameter', () => {
  it('knows the common click ids and campaign tags', () => {
    for (const name of ['utm_content', 'fbclid', 'gclid', 'msclkid', 'mc_eid', '_ga', 'ref_src']) {
      expect(isTrackingParameter(name)).toBe(true);
    }
    for (const name of ['id', 'page', 'q', 'ref', 'p', 'article']) {
      expect(isTrackingParameter(name)).toBe(false);
    }
  });
});
