import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/answer/question.ts';
import { askingOf } from '../helpers/answer-store.ts';

// Issue #16: how a question frames what it asks — "which senator thinks …" of a sentence that
// says "Sen. X told …", "Besides X, which company …", a lede's unnamed speaker whom the next
// sentence quotes by name. Invented articles and questions.

describe('how a question is framed', () => {
  it('reads "thinks" as the asker’s word for a view, not a word the answer must share', () => {
    expect(parseQuestion('Which senator thinks the dam could be saved?').words).not.toContain(
      'thinks',
    );
  });

  it('sets aside what "Besides X," excludes: X is no name the answer must hold', () => {
    const q = parseQuestion(
      'Besides Portline, which large company’s income also rests on ferries?',
    );
    expect(q.names).toEqual([]);
    expect(q.setAside).toEqual(['portline']);
    expect(q.wanted).toBe('organization');
    // The possessor is what is asked for, and "company" only says it is an organisation.
    expect(q.words).not.toContain('company');
  });
});

const ARTICLES: Record<string, string> = {
  'dam.txt': [
    'Brackwater dam may yet be saved, senator says',
    '',
    'The crumbling Brackwater dam could be rescued with federal repair money if engineers can show it is the cheapest option, Sen. Orla Penhallow told the Calloway Courier on Friday.',
    '',
    'Engineers have warned for years that the dam is failing.',
    '',
    'The county board will vote on a study next month.',
  ].join('\n'),
  'ferries.txt': [
    'Ferry trade keeps Marrowby afloat',
    '',
    'Portline, the island ferry operator, makes most of its income from summer crossings.',
    '',
    'Saltmarsh Shipping’s income also rests on summer ferries, and a dozen small boat owners do the same.',
    '',
    'Winter trade has fallen for three years running.',
  ].join('\n'),
  'budget.txt': [
    'Belmora presses rich nations on farm aid',
    '',
    'Belmora, which joins the summit of seven leading trading nations on Friday, wants a say.',
    '',
    'In Geneva on Thursday ahead of the talks, Belmora’s finance minister, attacked the farm subsidies of rich nations.',
    '',
    'He said poorer nations cannot compete with them.',
    '',
    'Idris Marrable, Belmora’s finance minister, argued that the lenders must change their rules.',
  ].join('\n'),
  'thefts.txt': [
    'Harbour break-ins double',
    '',
    'There have been at least 40 break-ins at the Calloway boatyards this year, the port’s security chief has revealed.',
    '',
    '“At worst, this means gangs cutting whole engines from moored boats,” Mara Quist revealed, adding that “the fences are simply too low.”',
  ].join('\n'),
  'contract.txt': [
    'Minister quits over ferry contract',
    '',
    'Belmora’s transport minister, Tobin Hale, resigned on Tuesday after an inquiry found he had misled parliament.',
    '',
    'Prime Minister Ada Lusk accepted his resignation and thanked him for his service.',
    '',
    'The inquiry found that Hale had met ferry executives six times before the tender.',
    '',
    'Police arrested a 45-year-old man in Calloway on Wednesday over the leak of the inquiry’s report.',
    '',
    'Drennick, which won the contract, denied any wrongdoing.',
  ].join('\n'),
  'jobs.txt': [
    'Harbour jobs row',
    '',
    'On 3 March 2021, Rena Hollis made the following claim:',
    '',
    '“Half the young dockers in Calloway have no work at all.”',
    '',
    'Councillor Joss Varden said he doubted the ferry plan would work, arguing that the harbour is too shallow for the new boats.',
    '',
    'The harbour board meets again in June.',
  ].join('\n'),
  'treasurer.txt': [
    'Former treasurer urges party to pick a stand-in',
    '',
    'A former Harbour Party treasurer says the party’s leaders should at once draw up rules for choosing a stand-in candidate in case illness forces the nominee out of the race.',
    '',
    '“A party that fails to plan is planning to lose,” said Tobin Quarrie, who kept the party’s books from 2001 to 2009. “The rules should be written this week.”',
    '',
    'The party’s rules say little about a replacement.',
  ].join('\n'),
};

describe('answers to questions framed that way', () => {
  const ask = askingOf(ARTICLES);

  it('finds the senator whose title is abbreviated, for a question about what they think', async () => {
    const a = await ask('Which senator thinks the Brackwater dam could be rescued?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Sen. Orla Penhallow');
    // The title marks the one asked for only where the question asks for a view.
    expect((await ask('Which senator voted to fund the Brackwater dam repairs?')).found).toBe(
      false,
    );
  });

  it('answers "Besides X, which company …" from a sentence that does not name X', async () => {
    const a = await ask('Apart from Portline, which other firm’s income rests on summer ferries?');
    expect(a.found).toBe(true);
    expect(a.answer).toBe(
      'Saltmarsh Shipping’s income also rests on summer ferries, and a dozen small boat owners do the same.',
    );
  });

  it('prefers the sentence that names the one asked for to one that only describes them', async () => {
    const a = await ask('Who is in charge of Belmora’s finances?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('Idris Marrable');
  });

  it('does not prefer a quote’s speaker to the sentence that says what was asked', async () => {
    const a = await ask('Who revealed the thefts?');
    expect(a.found).toBe(true);
    expect(a.answer).toContain('the port’s security chief has revealed');
  });

  it('answers from a sentence that stands for the one asked about by a pronoun', async () => {
    const a = await ask('Who accepted Hale’s resignation?');
    expect(a.answer).toBe(
      'Prime Minister Ada Lusk accepted his resignation and thanked him for his service.',
    );
  });

  it('takes someone described by age and kind for a "who", alone', async () => {
    const a = await ask('Who was arrested over the leak?');
    expect(a.answer).toBe(
      'Police arrested a 45-year-old man in Calloway on Wednesday over the leak of the inquiry’s report.',
    );
  });

  it('reads a sentence ending in a colon with the one it introduces', async () => {
    const a = await ask('When did Rena Hollis make her claim about young dockers?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('On 3 March 2021');
    expect(a.answer).toContain('Half the young dockers');
  });

  it('answers why someone thinks something with the reason they argue', async () => {
    const a = await ask('Why does Joss Varden think the ferry plan will fail?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('arguing that the harbour is too shallow');
  });

  it('names a lede’s unnamed speaker from the next sentence that quotes them', async () => {
    const a = await ask(
      'Which former party treasurer wants the leaders to draw up rules for a stand-in?',
    );
    expect(a.found).toBe(true);
    expect(a.answer).toContain('A former Harbour Party treasurer says');
    expect(a.answer).toContain('said Tobin Quarrie');
  });
});
