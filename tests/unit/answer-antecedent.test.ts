import { describe, expect, it } from 'vitest';
import { askingOf } from '../helpers/answer-store.ts';

// Issue #16: evidence across two sentences when a pronoun stands for the one asked about, and
// no "said in other words" answer when the article says the question's word elsewhere.
const ARTICLE = [
  'Police shooting in Selby',
  'Tobin Ashgrove, 43, worked nights at the Selby bakery.',
  'He was shot by police on Tuesday evening outside his home, his family said.',
  'The officer who fired has been suspended, the force said.',
].join('\n\n');

describe('evidence that needs the sentence before', () => {
  const ask = askingOf({ 'shooting.txt': ARTICLE });

  it('cites the sentence naming the one "he" stands for', async () => {
    const a = await ask('Who was shot by police?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('Tobin Ashgrove, 43');
    expect(a.answer).toContain('He was shot by police');
  });

  it('does not take a place beside the name when the article tells the event elsewhere', async () => {
    const a = await ask('Where was Tobin Ashgrove shot?');
    expect(a.found, a.answer).toBe(false);
  });
});

describe('the one a named person acted on', () => {
  const ask = askingOf({
    'envoy.txt': [
      'Threats to reporters',
      'The warning follows a statement last week by the Ashland Foreign Minister, Tomas Verlin, who told reporters that he had summoned Belmora’s highest-ranking envoy over the threats.',
    ].join('\n\n'),
  });

  it('answers "who did X summon" with the one summoned, X named far before', async () => {
    const a = await ask('Who did Tomas Verlin summon?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('highest-ranking envoy');
  });
});

describe('the people a sentence lists', () => {
  const ask = askingOf({
    'ferry.txt': [
      'Ferry sinks off Selby',
      'Four passengers died when the Selby ferry sank in a storm on Tuesday night, among them a nurse from Calloway, Rena Hollis.',
      'An inquiry into the sinking opened on Monday under retired judge Ada Lusk.',
    ].join('\n\n'),
  });

  it('answers "who died" with the sentence listing the dead, not a name beside "sinking"', async () => {
    expect((await ask('Who died in the sinking?')).answer).toContain('Rena Hollis');
  });
});

describe('the agent of a passive', () => {
  const ask = askingOf({
    'race.txt': [
      'Harbour seat race tightens',
      'Mara Quist leads Tobin Hale by four points in the race for the Selby seat, a new poll shows.',
      'Hale has been endorsed by the dockers’ union and by former mayor Ada Lusk.',
    ].join('\n\n'),
  });

  it('answers "who endorsed X" with the one X was endorsed by, however far along', async () => {
    expect((await ask('Who endorsed Hale?')).answer).toContain('Ada Lusk');
  });
});

describe('someone named in the next sentence, or by the act asked about', () => {
  const ask = askingOf({
    'cinema.txt': [
      'Shooting at Selby cinema',
      'A gunman opened fire in a Selby cinema on Thursday night, wounding nine people.',
      'Police named the gunman as Tobin Hale, 59, a drifter from Dunmore.',
      'The cinema’s manager, Ivo Brannock, called the police at 9.15pm.',
    ].join('\n\n'),
  });

  it('cites the sentence that names the one described', async () => {
    const a = await ask('Who opened fire in the cinema?');
    expect(a.answer).toContain('A gunman opened fire');
    expect(a.answer).toContain('Tobin Hale');
  });

  it('does not take "X, called the police" for X quoted as a source', async () => {
    expect((await ask('Who called the police?')).answer).toContain('Ivo Brannock');
  });
});
