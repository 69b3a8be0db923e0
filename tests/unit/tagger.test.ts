import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { alignSentence } from '../../src/nlp/conll.ts';
import { findNames } from '../../src/nlp/names.ts';
import { splitSentences } from '../../src/nlp/sentences.ts';
import { viterbi } from '../../src/nlp/tagger/decode.ts';
import { allowed, LABEL_COUNT, LABELS, START, spansOfLabels } from '../../src/nlp/tagger/labels.ts';
import { loadModel } from '../../src/nlp/tagger/model.ts';
import { labelTokens } from '../../src/nlp/tagger/tag.ts';
import { Perceptron, seededRandom } from '../../src/nlp/tagger/train.ts';
import { tokenize } from '../../src/nlp/text/tokens.ts';

// Every name and sentence here is invented; none comes from the evaluation data.

const tokensOf = (text: string) =>
  tokenize(
    text,
    splitSentences(text).map((s) => s.end),
  );

function mentions(text: string): Array<[string, string]> {
  return analyzeText('', text).mentions.map((m) => [m.text, m.type]);
}

describe('the tagger inside the analyser', () => {
  it('finds an unknown organisation by its head word', () => {
    expect(
      mentions('Shares in Talvik Mining Corporation fell on Monday after a weak quarter.'),
    ).toEqual([['Talvik Mining Corporation', 'organization']]);
  });

  it('finds a person with an unknown surname after a title, and keeps the title as the role', () => {
    const text = 'Health Minister Odalys Brennert said the contract would be reviewed.';
    const tokens = tokensOf(text);
    const [name, ...rest] = findNames(tokens);
    expect(rest).toEqual([]);
    expect(name).toMatchObject({ text: 'Odalys Brennert', type: 'person' });
    expect(
      name?.title && tokens.slice(name.title.first, name.title.last + 1).map((t) => t.word),
    ).toEqual(['Health', 'Minister']);
    expect(analyzeText('', text).actors[0]).toMatchObject({
      name: 'Odalys Brennert',
      role: 'Health Minister',
    });
  });

  it('takes an unknown capitalised word after "in" as a place', () => {
    expect(mentions('Hundreds of protesters gathered in Skarnholt on Sunday evening.')).toEqual([
      ['Skarnholt', 'place'],
    ]);
  });

  it('takes all-caps acronyms in running text as organisations', () => {
    const found = mentions(
      'The QVTA agreed to hold talks with the FNBX next week, officials said.',
    );
    expect(found).toEqual([
      ['QVTA', 'organization'],
      ['FNBX', 'organization'],
    ]);
  });

  it('never reports a title, a demonym or a date as a name', () => {
    expect(
      mentions('The Director General said Norwegian officials would decide in March.'),
    ).toEqual([]);
  });

  it('strips the possessive and always types a country name as a place', () => {
    const found = mentions(
      'Pelloria’s neighbour Norway said the Talvik Mining Corporation’s licence was valid.',
    );
    expect(found).toContainEqual(['Norway', 'place']);
    expect(found).toContainEqual(['Talvik Mining Corporation', 'organization']);
    for (const [text] of found) expect(text).not.toMatch(/’s$/);
  });

  it('gives one name one type throughout an article', () => {
    const found = mentions(
      'Investors in Dunmere cheered the results. Dunmere said profits rose. Analysts at Dunmere expect more.',
    );
    expect(found).toHaveLength(3);
    expect(new Set(found.map(([, type]) => type)).size).toBe(1);
  });

  it('leaves ordinary words in capitals alone, but not acronyms', () => {
    expect(mentions('The memo, marked URGENT, was sent to the KRVA on Friday.')).toEqual([
      ['KRVA', 'organization'],
    ]);
  });

  it('reads wire text tokenised with spaces as it reads prose', () => {
    const prose = mentions(
      'Tomas Ekwueme, a spokesman for the Harlow Dockworkers Union’s branch in Vessmark, said so.',
    );
    const spaced = mentions(
      'Tomas Ekwueme , a spokesman for the Harlow Dockworkers Union ’s branch in Vessmark , said so .',
    );
    expect(spaced).toEqual(prose);
    expect(prose).toEqual([
      ['Tomas Ekwueme', 'person'],
      ['Harlow Dockworkers Union', 'organization'],
      ['Vessmark', 'place'],
    ]);
  });
});

describe('the tagger model', () => {
  it('loads the checked-in weights', () => {
    const model = loadModel();
    expect(model.rows.size).toBeGreaterThan(10_000);
    expect(model.weights.length).toBe(model.rows.size * LABEL_COUNT);
    expect(model.transitions.length).toBe((LABEL_COUNT + 1) * LABEL_COUNT);
    expect(model.lexicon.lowercase.has('the')).toBe(true);
  });

  it('decodes deterministically', () => {
    const text =
      'Quenby Darrowgate told the Vessmark Gazette in Pelloria that the plan would fail.';
    const first = labelTokens(tokensOf(text));
    expect(labelTokens(tokensOf(text))).toEqual(first);
    expect(first.some((l) => l !== 0)).toBe(true);
  });

  it('never decodes an invalid BIO sequence', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 50; n++) {
      const emissions = Array.from({ length: 1 + (n % 9) }, () =>
        Array.from({ length: LABEL_COUNT }, () => random() * 10 - 5),
      );
      const transitions = Array.from(
        { length: (LABEL_COUNT + 1) * LABEL_COUNT },
        () => random() - 0.5,
      );
      const labels = viterbi(emissions, transitions);
      const steps = labels.map((y, i) => allowed(i === 0 ? START : labels[i - 1]!, y));
      expect(steps.every(Boolean)).toBe(true);
    }
  });

  it('reads spans from BIO labels', () => {
    const at = (l: string) => LABELS.indexOf(l as (typeof LABELS)[number]);
    const labels = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC'].map(at);
    expect(spansOfLabels(labels)).toEqual([
      { first: 0, last: 1, kind: 'PER' },
      { first: 3, last: 3, kind: 'LOC' },
      { first: 4, last: 5, kind: 'LOC' },
    ]);
  });
});

describe('training', () => {
  it('aligns gold words to our tokens: split hyphens continue a span, a lone "’s" folds away', () => {
    const [seq] = alignSentence({
      words: ['Odalys', 'Brennert', 'visited', 'Anglo-Pellorian', 'Bank', '’s', 'office', '.'],
      tags: ['B-PER', 'I-PER', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'O'],
    });
    const pairs = seq?.tokens.map((t, i) => `${t.word}/${LABELS[seq.labels[i]!]}`);
    expect(pairs).toEqual([
      'Odalys/B-PER',
      'Brennert/I-PER',
      'visited/O',
      'Anglo/B-ORG',
      'Pellorian/I-ORG',
      'Bank/I-ORG',
      'office/O',
    ]);
    expect(seq?.tokens[5]?.possessive).toBe(true);
  });

  it('learns a toy pattern, the same way every time', () => {
    // Feature 0 marks "after in", feature 1 "capitalised"; places are both.
    const at = (l: string) => LABELS.indexOf(l as (typeof LABELS)[number]);
    const ex = (ids: number[][], labels: string[]) => ({
      features: ids.map((f) => Int32Array.from(f)),
      labels: labels.map(at),
    });
    const data = [
      ex([[2], [0, 1], [2]], ['O', 'B-LOC', 'O']),
      ex([[1], [2], [2]], ['B-PER', 'O', 'O']),
      ex([[2], [2], [0, 1]], ['O', 'O', 'B-LOC']),
    ];
    const train = () => {
      const p = new Perceptron(3);
      for (let epoch = 0; epoch < 5; epoch++) for (const d of data) p.learn(d);
      return p;
    };
    const a = train();
    expect(a.predict(data[0]!.features)).toEqual(data[0]!.labels);
    expect(a.predict([Int32Array.from([0, 1])]).map((y) => LABELS[y])).toEqual(['B-LOC']);
    expect(Array.from(a.averaged().features)).toEqual(Array.from(train().averaged().features));
  });
});
