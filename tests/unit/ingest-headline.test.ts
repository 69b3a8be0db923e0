import { describe, expect, it } from 'vitest';
import { isHeadlineLike } from '../../src/ingest/headline.ts';
import { parseArticle } from '../../src/ingest/parse.ts';

/** Issue #15: a file with no headline line must keep its lead sentence in the text. */

const lead =
  'Dock workers in Marrowby walked out on Monday after talks over night-shift pay collapsed, the Portline union said.';
const rest = [
  '“We asked for a fair rota and got a letter,” said Mara Quist, who chairs the union branch.',
  'The port authority said it would meet the union again on Thursday.',
];

describe('isHeadlineLike', () => {
  it.each([
    'Marrowby dock workers strike over night pay',
    'Portline union calls second walkout;',
    'Dock strike talks collapse.',
    'Can the harbour survive another strike?',
    'Marrowby Port Faces Longest Strike In A Decade.',
    "'Betrayal' claim as port talks fail",
    'Outrage, but few options at the port.',
    'Dock worker charged over pier fire.',
  ])('takes %j as a headline', (block) => {
    expect(isHeadlineLike(block)).toBe(true);
  });

  it.each([
    lead,
    'The pier reopened on Monday after repairs.',
    'Floods closed the Marrowby road for a week.',
    'A crane collapsed at the container terminal.',
    'Harbour staff were told to stay home.',
    'Port traffic is recovering slowly, officials said.',
    '“We will not back down,” the union said.',
    '“We will not back down.”',
    'and then the cranes stopped.',
    'She said:',
    `${'Harbour '.repeat(21)}news`,
  ])('reads %j as body text', (block) => {
    expect(isHeadlineLike(block)).toBe(false);
  });
});

describe('a file with no headline line', () => {
  it('keeps a .txt whose first paragraph is a full news sentence whole', () => {
    const content = `${[lead, ...rest].join('\n\n')}\n`;
    const [a] = parseArticle('strike.txt', content);
    expect(a?.text).toBe([lead, ...rest].join('\n\n'));
    // Derived from the lead: its first sentence, cut on a word to a title's length.
    expect(a?.title.length).toBeLessThanOrEqual(121);
    expect(lead.startsWith(a?.title.replace(/…$/, '') ?? 'x')).toBe(true);
  });

  it('keeps a JSON record with only text whole, lead first', () => {
    const [a] = parseArticle('strike.json', JSON.stringify({ text: [lead, ...rest].join('\n\n') }));
    expect(a?.text.startsWith(lead)).toBe(true);
    expect(a?.text).toBe([lead, ...rest].join('\n\n'));
    expect(a?.title).not.toBe('');
  });

  it('keeps a JSON record whose text has one sentence a line (no blank lines) whole', () => {
    const lines = [lead, ...rest];
    const [a] = parseArticle('lines.json', JSON.stringify({ body: lines.join('\n') }));
    expect(a?.text.split('\n\n')).toEqual(lines);
  });

  it('derives the title from the first sentence, not the first full stop', () => {
    const text = 'Mara J. Quist won the harbour seat on Sunday by 212 votes, officials said.';
    const [a] = parseArticle('seat.json', JSON.stringify({ text: `${text}\n\n${rest[1]}` }));
    expect(a?.title).toBe(text);
    expect(a?.text.startsWith(text)).toBe(true);
  });

  it('still takes a headline line off the top of a .txt and a JSON record', () => {
    const content = `Marrowby dock workers strike over night pay\n\n${lead}\n\n${rest[0]}\n`;
    const [t] = parseArticle('strike.txt', content);
    expect(t?.title).toBe('Marrowby dock workers strike over night pay');
    expect(t?.text.startsWith(lead)).toBe(true);
    const [j] = parseArticle('strike.json', JSON.stringify({ content }));
    expect(j?.title).toBe('Marrowby dock workers strike over night pay');
    expect(j?.text.startsWith(lead)).toBe(true);
  });
});
