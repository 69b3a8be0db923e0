import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/extractive.ts';
import { parseQuestion } from '../../src/answer/question.ts';
import { type ArticleFixture, storeWith } from '../helpers/answer-store.ts';

// Issue #16: answers that hold up on questions nobody tuned for. Invented articles of the
// shapes that failed: a role asked in other words, an amount beside a sentence of the same
// topic, a how-much the articles cannot answer, a cause told in one sentence.
const ARTICLES: Record<string, string> = {
  'agency.txt': [
    'Harbour agency warns of plots against exiles',
    'Belmoran agents tried at least six times to snatch critics living in Ashland, the Ashland Security Service said on Wednesday.',
    'In a speech in Calloway, its Director General, Mara Quist, said the agents were "reckless".',
    'Ashland’s foreign minister, Tomas Verlin, summoned the most senior Belmoran diplomat in Calloway over the threats.',
  ].join('\n\n'),
  'losses.txt': [
    'Tycoon’s losses revealed',
    'Ledgers released on Sunday show that Tobin Hale’s shipping firms lost about $412 million in 2019.',
    'Hale has said without proof that ballot tampering cost him the 2019 mayoral race.',
  ].join('\n\n'),
  'flaw.txt': [
    'Game server flaw made public',
    '"I waited two years," developer Tomas Verlin wrote on Thursday, after privately reporting the flaw to the studio Velkor Games.',
    'Velkor Games did not answer a request for comment.',
  ].join('\n\n'),
  'beach.txt': [
    'Ranger describes the stranding',
    'Ranger Carl Wendt attended his first mass stranding on Tarrow Beach this week.',
    '“The tide turned faster than any of us expected,” says Wendt. “We are training new volunteers, but the coast keeps changing.”',
  ].join('\n\n'),
  'hospital.txt': [
    'Senator taken to a clinic',
    'Senator Ana Ruiz was taken to a clinic in Dunmore on Friday.',
    'Her motorcade was diverted from the emergency room because a crowd had gathered outside it.',
  ].join('\n\n'),
};

describe('answers that hold what the question asks for', () => {
  let fixture: ArticleFixture;
  const ask = (q: string) => answerQuestion(fixture.stores.articles, q, []);
  beforeAll(async () => {
    fixture = await storeWith(ARTICLES);
  });
  afterAll(() => fixture.close());

  it.each([
    'Who is the head of the Ashland Security Service?',
    'Who leads the Ashland Security Service?',
    'Who runs the Ashland Security Service?',
    'Who is the Ashland Security Service’s chief?',
  ])('%s → the sentence naming its director general', async (q) => {
    const a = await ask(q);
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('Mara Quist');
  });

  it('answers "who did X summon" with someone described, not only someone named', async () => {
    const a = await ask('Who did Tomas Verlin summon?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('most senior Belmoran diplomat');
  });

  it('cites a quote with the sentence naming its speaker when its own sentence does not', async () => {
    const a = await ask('What did Wendt say about volunteers?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('says Wendt');
    expect(a.answer).toContain('We are training new volunteers');
    expect(a.citations[0]?.sentence).toBe(a.answer);
  });

  it('answers "how much" with the amount, not a sentence of the same topic without one', async () => {
    const a = await ask('How much did Hale lose in 2019?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('$412 million');
  });

  it('declines a "how much" the articles hold no amount for, with no citation', async () => {
    const a = await ask('How much money did Belmora spend on the plots?');
    expect(a).toMatchObject({ found: false, citations: [] });
  });

  it('declines "what did X say" when X is only named beside someone else speaking', async () => {
    const a = await ask('What did Velkor Games say about the flaw?');
    expect(a).toMatchObject({ found: false, citations: [] });
  });

  it('answers "why" with the sentence that gives the cause', async () => {
    const a = await ask('Why was Ruiz diverted from the emergency room?');
    expect(a.found, a.answer).toBe(true);
    expect(a.answer).toContain('because a crowd had gathered');
  });

  it('reads the kind of a question from "which …" and "how big" forms', () => {
    expect(parseQuestion('Which country ranked first?').kind).toBe('where');
    expect(parseQuestion('What year did it close?').kind).toBe('when');
    expect(parseQuestion('How big is the payload?').kind).toBe('howMuch');
    expect(parseQuestion('Which group wrote the report?')).toMatchObject({
      kind: 'who',
      wanted: 'organization',
    });
    expect(parseQuestion('In his test, how many opt-outs failed?').kind).toBe('howMany');
  });
});
