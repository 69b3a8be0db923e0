import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/answer/question.ts';
import { askingOf } from '../helpers/answer-store.ts';

// Issue #16: questions put in ways the answerer was not written for — a noun after "which"
// that says what is wanted, a preposition before the question word, "how come" — and the
// answers they get. Invented questions and articles.

describe('what a question asks for, read from its noun', () => {
  it.each([
    ['Which engineer built the new library?', 'who'],
    ['Which hospital did the driver end up in?', 'where'],
    ['By what margin did the mayor win?', 'howMuch'],
    ['For how many seasons has the club played in the league?', 'howMany'],
    ['In which weeks were the ferries stopped?', 'when'],
    ['On what date does the permit lapse?', 'when'],
    ['Since when has the port charged a fee?', 'when'],
    ['How come the ferry still runs at night?', 'why'],
    ['What inspired the author to set the novel at sea?', 'why'],
    ['What is the total number of ferries in the fleet?', 'howMany'],
    ['What was the budget of the new bridge?', 'howMuch'],
    ['What time did the winner run in the final?', 'howMuch'],
    ['What time does the ferry leave?', 'when'],
    ['Which charity will receive the proceeds of the auction?', 'who'],
  ])('%s → %s', (q, kind) => {
    expect(parseQuestion(q).kind).toBe(kind);
  });

  it('does not take months and days for names an article must hold', () => {
    expect(
      parseQuestion('How much did Selby’s trade grow in the March to June quarter?').names,
    ).toEqual(['selby']);
  });

  it('knows a person asked for by occupation, and an organisation by its kind', () => {
    const engineer = parseQuestion('Which engineer built the new library?');
    expect(engineer.wanted).toBe('person');
    expect(engineer.askedPerson).toMatchObject({ noun: 'engineer', verb: 'built' });
    expect(parseQuestion('Which junior MP heckled the minister?').askedPerson?.noun).toBe('mp');
    expect(parseQuestion('Which charity will receive the proceeds of the auction?').wanted).toBe(
      'organization',
    );
    // "Which man …" says a person is wanted, not what they must be called.
    expect(parseQuestion('Which man opened the bridge?').askedPerson).toBeNull();
  });
});

const ARTICLES: Record<string, string> = {
  'library.txt': [
    'Fenwick opens its new library',
    'Hundreds of readers queued on Saturday for the opening of the Fenwick library, built with money from the town council.',
    'The mayor, Ivo Brannock, cut the ribbon and thanked the volunteers who moved 40,000 books.',
  ].join('\n\n'),
  'gallery.txt': [
    'Lantern prize for a harbour play',
    'The Quiet Harbour by Nell Dray won the Lantern Award for the finest new drama in Tarrow.',
    'Researchers at Harwood College were told that the play sold out within a week.',
    'Critics praised the cast, and the poll closed on Friday.',
    'Some 41 critics gave their votes in the poll for the awards.',
    'Critics say the poll rewards new writing.',
    'Poets the gallery has asked to open its winter fair in past years include Ada Lusk.',
    'It is the 9th year that the gallery has asked a poet to open its winter fair.',
  ].join('\n\n'),
  'harbour.txt': [
    'Ferry terminal sold',
    'The Tarrow Harbour Board voted on Monday to sell the old ferry terminal to a shipping firm.',
    'Rovers owner Lena Brook said the sale was "a disgrace" and promised to fight it in court.',
    'The board chairman, Ivo Brannock, said the deal would save 200 jobs.',
    'Sen. Tobin Hale, who represents the harbour district, called for an inquiry into the sale.',
    'At the reopening, the choir of Oswin Garrow sang the anthem of the terminal.',
    'The terminal’s anthem was written by Ada Lusk in 1961, the year it opened.',
  ].join('\n\n'),
  'coder.txt': [
    'A life in software',
    'Rena Hollis says writing code is still the part of the job she has loved longest.',
    'Rena Hollis has been writing code since the late 1980s, first for banks and later for a shipping line.',
  ].join('\n\n'),
};

describe('answers to questions put in other ways', () => {
  const ask = askingOf(ARTICLES, 'store');

  it('declines "which engineer" when no sentence names an engineer', async () => {
    const a = await ask('Which engineer designed the Fenwick library?');
    expect(a.found, a.answer).toBe(false);
  });

  it('declines "who directed" from a sentence that only names the play and its author', async () => {
    const a = await ask('Who directed The Quiet Harbour?');
    expect(a.found, a.answer).toBe(false);
  });

  it('counts the noun asked about even when the question names more than the sentence', async () => {
    const a = await ask('How many critics took part in the Harwood poll?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('41 critics');
  });

  it('reads an ordinal as a count of years', async () => {
    const a = await ask('For how many years did the gallery ask a poet to open its winter fair?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('9th year');
  });

  it('takes a decade as a date', async () => {
    const a = await ask('Since when has Rena Hollis been writing code?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('late 1980s');
  });

  it('meets "owns" in "owner", and takes the owner who spoke as the one asked for', async () => {
    const a = await ask('Who owns Rovers?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toBe(
      'Rovers owner Lena Brook said the sale was "a disgrace" and promised to fight it in court.',
    );
  });

  it('reads "Sen." as a senator, past a clause set off by commas', async () => {
    const a = await ask('Which senator called for an inquiry into the sale?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('Tobin Hale');
  });

  it('takes a title beside a name as that person’s, not as someone else', async () => {
    const a = await ask('Who replaced Ivo Brannock as the board’s leader?');
    expect(a.found, a.answer).toBe(false);
  });

  it('meets "wrote" in "written", an irregular participle', async () => {
    const a = await ask('Who wrote the anthem of the terminal?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('Ada Lusk');
  });
});

const CAUSES: Record<string, string> = {
  'leave.txt': [
    'Parents ask for paid leave',
    'New parents are entitled to a year of leave, but many cannot take all of it as only four of those months are paid.',
    'The minister said the plan would be reviewed in the spring.',
  ].join('\n\n'),
  'novel.txt': [
    'A prize for a harbour novel',
    'The novel by Mara Quist took the Lantern Prize on Monday.',
    'Based on Mara Quist’s years as a ferry pilot, the novel follows a crew through one winter.',
  ].join('\n\n'),
  'port.txt': [
    'Port trade grows',
    'Trade through the port of Selby doubled in the year the new quay opened.',
    'This was mainly because larger ships could now dock without waiting for the tide.',
  ].join('\n\n'),
  'adviser.txt': [
    'Saving for college',
    'The plan comes from Tobin Hale, a financial adviser in Dunmore, Ark.',
    'Hale says families should start saving early.',
    'Hale adds that grandparents can help.',
    'Hale’s own children saved from the age of ten, he says.',
    'Hale has written two books on the subject.',
  ].join('\n\n'),
};

describe('causes and places asked in other words', () => {
  const ask = askingOf(CAUSES, 'store');

  it('reads "as" opening a clause as a cause', async () => {
    const a = await ask('Why can’t many new parents take the whole year of leave?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('as only four of those months are paid');
  });

  it('does not need the answer to say "inspired"', async () => {
    const a = await ask('What inspired Mara Quist to set her novel at sea?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('years as a ferry pilot');
  });

  it('cites the next sentence when it opens with "This was because"', async () => {
    const a = await ask('Why did trade through the port of Selby double?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('larger ships could now dock');
  });

  it('answers "where does X work" with the sentence that places X', async () => {
    const a = await ask('Where does Tobin Hale work?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('Dunmore');
  });
});

describe('a cause said outright', () => {
  const ask = askingOf(
    {
      'schools.txt': [
        'Selby schools trail the county',
        'The county published its school league table on Monday.',
        'It placed Selby near the bottom of the table, based on reading scores.',
        'Selby’s low place in the table was due to a shortage of teachers, the council said.',
      ].join('\n\n'),
    },
    'store',
  );

  it('prefers a cause said outright ("due to") to a weaker link ("based on")', async () => {
    const a = await ask('Why does Selby sit at the bottom of the table?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('shortage of teachers');
  });
});
