import { describe, expect, it } from 'vitest';
import {
  classifyBlock,
  cleanBlocks,
  isByline,
  splitBlocks,
  titleFromText,
} from '../../src/ingest/clean.ts';

describe('classifyBlock', () => {
  it.each([
    'Harbour cranes at dawn [MARTA LUND/AFP via Getty Images]',
    'The mayor waves to supporters (Photo: Priya Nair/City Herald)',
    'Rescue teams search the rubble. Photograph: Tomas Berg/Reuters',
    'Credit: Owen Hale',
    'OWEN HALE/EPA-EFE/Shutterstock',
    'Getty Images',
    'Image caption The bridge was closed for repairs',
    '*A ferry leaves the port [Sami Osei/AP Photo]*',
  ])('sees a picture caption in %j', (block) => {
    expect(classifyBlock(block)).toBe('caption');
  });

  it.each([
    'READ: Port workers vote to strike over pay',
    'READ MORE: Ferry operator fined for delays',
    'Related: How the harbour was rebuilt',
    'See also: the council minutes',
    'Read the rest here.',
    'Click here to read the full report',
  ])('sees a cross-link in %j', (block) => {
    expect(classifyBlock(block)).toBe('crosslink');
  });

  it.each([
    'Share this article',
    'Share on Facebook | Twitter | Email',
    'Advertisement',
    'SIGN UP FOR OUR NEWSLETTER',
    'Subscribe now',
    'Follow Dana Moss on Twitter @danamoss.',
    'We use cookies to improve your experience. Accept all cookies.',
    '© 2024 Example Media Ltd. All rights reserved.',
    'https://example.org/story/123',
  ])('sees page furniture in %j', (block) => {
    expect(classifyBlock(block)).toBe('furniture');
  });

  it.each(['***', '___.', '— — —'])('sees a separator in %j', (block) => {
    expect(classifyBlock(block)).toBe('separator');
  });

  it.each([
    'The council said it would share the costs with the port authority over ten years.',
    'Residents were asked to sign up for alerts, a spokesperson said, after the flooding last week.',
    '“Read the report before you judge us,” the director said.',
    'The company (formerly Harbour/Lines) was fined in 2019.',
    'More than 300 people attended the meeting, according to organisers.',
    'Photographs of the damage were shared widely on social media by residents who had stayed.',
  ])('keeps body text %j', (block) => {
    expect(classifyBlock(block)).toBe('body');
  });
});

describe('isByline', () => {
  it('accepts name lists and rejects sentences starting with "By"', () => {
    expect(isByline('By Dana Moss and Leo Park')).toBe(true);
    expect(isByline('BY DANA MOSS, Harbour Times')).toBe(true);
    expect(isByline('By Tuesday, the talks had collapsed.')).toBe(false);
    expect(isByline('By the end of the year prices had doubled.')).toBe(false);
  });
});

describe('cleanBlocks', () => {
  const body = [
    'The harbour authority approved a plan on Monday to rebuild the northern pier.',
    '“We have waited a decade for this,” said the harbour master, Ana Ruiz.',
  ];

  it('removes tagline, headline, byline and date line above the body', () => {
    const blocks = [
      'Your town your news',
      'Harbour pier to be rebuilt after decade of delays',
      'By Dana Moss',
      '3 March 2021',
      ...body,
    ];
    const r = cleanBlocks(blocks, { inferTitle: true });
    expect(r.title).toBe(blocks[1]);
    expect(r.publishedAt).toBe('2021-03-03T00:00:00.000Z');
    expect(r.paragraphs).toEqual(body);
    expect(r.removed.map((x) => x.role)).toEqual(['tagline', 'title', 'byline', 'dateline']);
  });

  it('takes the first line as headline when there is no byline or date', () => {
    const blocks = ['Harbour pier to be rebuilt.', ...body];
    const r = cleanBlocks(blocks, { inferTitle: true });
    expect(r.title).toBe(blocks[0]);
    expect(r.paragraphs).toEqual(body);
  });

  it('keeps a short first paragraph when the title is already known', () => {
    const blocks = ['Pier plan', 'Rain stopped play.', ...body];
    const r = cleanBlocks(blocks, { inferTitle: false, knownTitle: 'Pier plan' });
    expect(r.paragraphs).toEqual(blocks.slice(1));
  });

  it('never edits a kept block', () => {
    const odd = 'Spacing  stays,   “quotes” stay\nand line breaks stay.';
    const r = cleanBlocks(['Headline here', odd], { inferTitle: true });
    expect(r.paragraphs).toEqual([odd]);
  });
});

describe('splitBlocks', () => {
  it('splits on blank lines, tolerating CRLF and whitespace-only lines', () => {
    expect(splitBlocks('\uFEFFOne\r\n\r\nTwo a\r\nTwo b\n \t\nThree\n')).toEqual([
      'One',
      'Two a\nTwo b',
      'Three',
    ]);
  });

  it('splits by line when the file has no blank lines', () => {
    expect(splitBlocks('Title\nFirst paragraph.\nSecond paragraph.')).toEqual([
      'Title',
      'First paragraph.',
      'Second paragraph.',
    ]);
  });

  it('splits a headline off the dek below it', () => {
    expect(splitBlocks('Pier plan approved;\nWork starts in spring.\n\nBody text.')).toEqual([
      'Pier plan approved;',
      'Work starts in spring.',
      'Body text.',
    ]);
  });
});

describe('titleFromText', () => {
  it('uses the first sentence, shortened on a word boundary', () => {
    expect(titleFromText('The pier reopens. More later.')).toBe('The pier reopens.');
    const long = `${'word '.repeat(40)}end.`;
    const t = titleFromText(long);
    expect(t.length).toBeLessThanOrEqual(121);
    expect(t.endsWith('…')).toBe(true);
  });
});
