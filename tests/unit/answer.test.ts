import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/extractive.ts';
import { parseQuestion } from '../../src/answer/question.ts';
import { concept, stem } from '../../src/answer/stem.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { Answer } from '../../src/model/answer.ts';
import { createStore } from '../../src/store/create.ts';
import type { Stores } from '../../src/store/ports/port.ts';
import { tempDir } from '../helpers/cli.ts';
import { describeWithShared, sharedDir } from '../helpers/shared.ts';

/** A real SQLite store holding the given folder's articles, and its cleanup. */
async function storeOf(folder: string): Promise<{ stores: Stores; close: () => Promise<void> }> {
  const tmp = tempDir();
  const stores = await createStore(join(tmp.dir, 'answer.db'));
  await ingestPaths(stores, [folder]);
  return {
    stores,
    close: async () => {
      await stores.close();
      tmp.cleanup();
    },
  };
}

function expectCited(a: Answer, phrase: string): void {
  expect(a.found, a.answer).toBe(true);
  expect(a.answer).toContain(phrase);
  expect(a.citations).toHaveLength(1);
  expect(a.citations[0]?.sentence).toBe(a.answer);
}

/** The phrase a regex finds in the text: computed from the article, not written out here. */
function phrase(text: string, re: RegExp): string {
  const m = re.exec(text);
  if (!m) throw new Error(`${re} not in the seed article`);
  return m[1] ?? m[0];
}

describe('question understanding', () => {
  it('folds word forms, irregular past forms and words for leading onto one concept', () => {
    expect(stem('attempts')).toBe(stem('attempted'));
    expect(stem('kidnapping')).toBe('kidnap');
    expect(stem('spent')).toBe(stem('spending'));
    expect(stem('lost')).toBe(stem('losing'));
    expect(concept('assassination')).toBe(concept('assassinate'));
    expect(stem('press')).toBe('press');
    expect(concept('heads')).toBe(concept('director'));
    expect(concept('chief')).toBe(concept('leads'));
    expect(concept('runs')).toBe(concept('boss'));
    // No synonym list: a plot is not an attempt unless an article says so.
    expect(concept('plots')).not.toBe(concept('attempts'));
  });

  it('folds a noun for a doer onto its verb, and a participle onto its infinitive', () => {
    expect(concept('owner')).toBe(concept('owns'));
    expect(concept('moderator')).toBe(concept('moderated'));
    expect(concept('winners')).toBe(concept('won'));
    expect(concept('written')).toBe(concept('wrote'));
    // Not adjectives, light verbs, or a verb for leading that the noun does not mean.
    expect(concept('former')).not.toBe(concept('formed'));
    expect(concept('letter')).not.toBe(concept('let'));
    expect(concept('runner')).not.toBe(concept('runs'));
  });

  it('reads British spellings as American ones, gerunds as their verb, titles in full', () => {
    expect(concept('criticised')).toBe(concept('criticism'));
    expect(concept('organisation')).toBe(concept('organization'));
    expect(concept('labour')).toBe(concept('labor'));
    expect(concept('centre')).toBe(concept('center'));
    expect(concept('analysed')).toBe(concept('analyzed'));
    expect(concept('suing')).toBe(concept('sued'));
    expect(concept('dying')).toBe(concept('died'));
    expect(concept('killed')).toBe(concept('dead'));
    expect(concept('growth')).toBe(concept('grew'));
    expect(concept('sale')).toBe(concept('selling'));
    expect(concept('failure')).toBe(concept('failed'));
    expect(concept('nature')).not.toBe(concept('nat'));
    expect(concept('Sen')).toBe(concept('senator'));
    // Short words keep their spelling: "hour" is no "hor".
    expect(concept('hour')).not.toBe(concept('hor'));
  });

  it('reads the kind of question and who it is about', () => {
    expect(parseQuestion('How many boats sank?').kind).toBe('howMany');
    expect(parseQuestion('When did it open?').kind).toBe('when');
    expect(parseQuestion('Where is the plant?').kind).toBe('where');
    expect(parseQuestion('Why did it close?').kind).toBe('why');
    expect(parseQuestion('Who is Ada Byre?')).toMatchObject({ kind: 'whoIs', subject: 'Ada Byre' });
    expect(parseQuestion('What did the port chief say about it?')).toMatchObject({
      kind: 'say',
      subject: 'port chief',
    });
    expect(parseQuestion('What did Ada Byre say?').names).toEqual(['ada', 'byre']);
  });
});

describe('answers by question type, on invented text', () => {
  const tmp = tempDir();
  let s: { stores: Stores; close: () => Promise<void> };
  const ask = (q: string) => answerQuestion(s.stores.articles, q, []);

  beforeAll(async () => {
    writeFileSync(
      join(tmp.dir, 'bridge.txt'),
      [
        'Riverton council approves footbridge',
        'March 3, 2026',
        'The Riverton council approved a new footbridge over the Lenn, the council said.',
        'The footbridge will cost four million pounds and open in 2028.',
        'Work on the crossing was delayed because the river flooded twice last winter.',
        '“This bridge joins the two halves of our town,” said Mara Okoye, the council leader.',
        'The footbridge will link the market square to the railway station in Eastfield.',
      ].join('\n\n'),
    );
    s = await storeOf(tmp.dir);
  });
  afterAll(async () => {
    await s.close();
    tmp.cleanup();
  });

  it('finds a number for "how many/much"', async () => {
    expectCited(await ask('How much will the footbridge cost?'), 'four million pounds');
  });

  it('finds a date for "when"', async () => {
    expectCited(await ask('When will the footbridge open?'), 'open in 2028');
  });

  it('finds a cause for "why"', async () => {
    expectCited(await ask('Why was work on the crossing delayed?'), 'because the river flooded');
  });

  it('finds a place for "where"', async () => {
    expectCited(await ask('Where will the footbridge link?'), 'railway station in Eastfield');
  });

  it('finds the quote of the speaker asked about, by surname or by title', async () => {
    expectCited(await ask('What did Okoye say?'), 'joins the two halves');
    expectCited(await ask('What did the council leader say?'), 'joins the two halves');
  });

  it('says not found, without a citation, when the person asked about is not there', async () => {
    expect(await ask('What did the prime minister say?')).toMatchObject({
      found: false,
      citations: [],
    });
    expect(await ask('When did Ostrava open its footbridge?')).toMatchObject({
      found: false,
      citations: [],
    });
  });

  it('says not found when a sentence shares only the names, not what was asked of them', async () => {
    expect(await ask('Where was Mara Okoye born?')).toMatchObject({ found: false, citations: [] });
  });
});

describeWithShared('answers on the seed article', () => {
  const folder = join(sharedDir, 'corpus/seed');
  let seed = '';
  let s: { stores: Stores; close: () => Promise<void> };
  const ask = (q: string) => answerQuestion(s.stores.articles, q, []);

  beforeAll(async () => {
    seed = readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(folder, f), 'utf8'))
      .join('\n');
    s = await storeOf(folder);
  });
  afterAll(() => s.close());

  it('answers "how many" with the sentence that counts the attempts', async () => {
    const key = phrase(seed, /at least \w+ attempts/);
    expectCited(
      await ask('How many kidnap or assassination attempts has Iran made in the UK?'),
      key,
    );
  });

  it('answers who revealed the plots with the sentence that says who revealed them', async () => {
    // A "who" answer names someone or describes them by a role ("the intelligence chief").
    const key = phrase(seed, /intelligence chief has revealed/);
    expectCited(await ask('Who revealed the plots?'), key);
  });

  it("answers what a named person said with that person's quote", async () => {
    const key = phrase(seed, /Cleverly[^“]*“([^”]+)”/);
    expectCited(await ask('What did James Cleverly say?'), key);
  });

  it('answers "where" with the sentence about luring people abroad', async () => {
    const key = phrase(seed, /lure people to [^”]+/);
    expectCited(await ask("Where do Iran's agents lure targets to?"), key);
  });

  it('answers "why" through the Tehran alias, with the causal sentence', async () => {
    const key = phrase(seed, /Tehran has only grown more determined[^,]*/);
    expectCited(await ask('Why has Tehran become more determined to crush dissent?'), key);
  });

  it('does not answer for someone the article never mentions', async () => {
    expect(await ask('What did the French president say?')).toMatchObject({
      found: false,
      citations: [],
    });
  });
});
