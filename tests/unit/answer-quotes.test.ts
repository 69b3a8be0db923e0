import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../src/answer/question.ts';
import { askingOf } from '../helpers/answer-store.ts';

// Issue #16: "what did X say" over quotes that run on for sentences, verbs of saying beyond
// "say", and speech reported in a relative clause. Invented articles.
const ARTICLES: Record<string, string> = {
  'ratings.txt': [
    'Party says the ratings are unfair',
    'Party researcher Oswin Garrow said that claims by his party are checked far harder than those of its rivals. “Claims that are half right are rated ‘fair’ for the other side. That is not checking, that is taking sides,” Garrow told the Dunmore Gazette.',
    'The ratings site did not answer a request for comment.',
  ].join('\n\n'),
  'wall.txt': [
    'Council backs harbour plan',
    'Selby council voted on Tuesday to rebuild the harbour wall.',
    'Opposition councillor Tobin Hale called the plan “a blank cheque”.',
    'He said the £40m budget would run over, as it had on the last two projects.',
  ].join('\n\n'),
  'gala.txt': [
    'Stars open the harbour museum',
    'The opening drew the mayor, Ivo Brannock, and singers such as Lena Brook, who joked about the new building, “I have only seen the car park so far, but I will be back.”',
    'Ferry clerk Tobin Hale suggested that the museum stay open late on Fridays.',
    'The Dunmore Gazette is asking Brannock for a comment on the late opening.',
  ].join('\n\n'),
};

describe('what a person said', () => {
  const ask = askingOf(ARTICLES, 'store');

  it('reads "suggest", "joke" and "ask" as saying', () => {
    for (const q of [
      'What did Tobin Hale suggest about the museum?',
      'What did Lena Brook joke about the new building?',
      'What did the mayor ask the council?',
    ])
      expect(parseQuestion(q).kind, q).toBe('say');
  });

  it('cites the rest of a quote with the sentence that answers best', async () => {
    const a = await ask('What did Oswin Garrow say about the ratings?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('That is not checking, that is taking sides');
  });

  it('takes "X, who joked …" as X speaking, and "suggested" as a verb of saying', async () => {
    const joke = await ask('What did Lena Brook joke about the new building?');
    expect(joke.found, joke.answer).toBe(true);
    expect(joke.answer).toContain('I have only seen the car park so far');
    const idea = await ask('What did Tobin Hale suggest about the museum?');
    expect(idea.answer).toContain('stay open late on Fridays');
  });

  it('does not take "asking X for comment" as X saying anything', async () => {
    const a = await ask('What did Brannock say when asked for comment?');
    expect(a.found, a.answer).toBe(false);
  });

  it('takes "He said …" after a sentence where X speaks as X’s words, cited with it', async () => {
    const a = await ask('What did Tobin Hale say about the budget?');
    expect(a.answer).toContain('Tobin Hale called the plan');
    expect(a.answer).toContain('budget would run over');
  });
});

describe('what a described speaker said', () => {
  const ask = askingOf({
    'port.txt': [
      'Port deal signed',
      'Selby’s mayor, Mara Quist, signed the port deal on Friday.',
      'The harbour master told reporters the quay would reopen in May.',
      'The deal was welcomed, the ministry said.',
    ].join('\n\n'),
  });

  it('finds a description speaking when no named actor answers to it', async () => {
    expect((await ask('What did the harbour master say?')).answer).toContain('reopen in May');
    expect((await ask('What did the ministry say?')).answer).toContain('was welcomed');
    expect((await ask('What did the coastguard say?')).found).toBe(false);
  });
});

describe('a quote that runs on', () => {
  const ask = askingOf({
    'gulls.txt': [
      'Harbour gulls row',
      '“I have lived on this quay for forty years,” said harbour master Mara Quist. “We have always had a few gulls. But what we see now is different. These are flocks. These are not a few birds.”',
      'The council will meet on Monday.',
    ].join('\n\n'),
  });

  it('cites the quote up to four sentences on from the one that answers', async () => {
    const a = await ask('What did Mara Quist say about the gulls?');
    expect(a.answer).toContain('We have always had a few gulls.');
    expect(a.answer).toContain('These are flocks. These are not a few birds.');
  });
});
