import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.ts';
import { rankSummary } from '../../src/nlp/summary.ts';
import { contentWords, overlap } from '../../src/nlp/words.ts';

/** Invented articles; the ranking is checked for how it behaves, not for exact orders. */
const rank = (title: string, text: string): { ranking: number[]; texts: string[] } => {
  const sentences = splitSentences(text);
  return { ranking: rankSummary(title, sentences), texts: sentences.map((s) => s.text) };
};

const BRIDGE = [
  'The only road bridge into Harlow Ferry closed on Monday after engineers found deep cracks in its main span.',
  'The county council said repairs to the bridge would take at least four months and cost about two million pounds.',
  'Residents now face a forty-minute detour through the hills to reach the hospital, the schools and the railway station.',
  'A temporary ferry for pedestrians will start running across the river next week, the council said.',
  'Local shops reported that trade had already fallen since the bridge closed.',
  'Engineers will inspect two other bridges of the same design on the river this month.',
  'The bridge was built in 1961 and was last repaired twelve years ago.',
].join(' ');

describe('rankSummary', () => {
  it('prefers the lead sentence', () => {
    const { ranking } = rank('Cracks close Harlow Ferry bridge for four months', BRIDGE);
    expect(ranking[0]).toBe(0);
  });

  it('lets an opening question yield to the statement after it', () => {
    const text = `Can a small town live for months without its only bridge? ${BRIDGE}`;
    const { ranking } = rank('', text);
    expect(ranking[0]).toBe(1);
  });

  it('ranks a sentence lower when it is all quotation', () => {
    const withFourth = (fourth: string): ReturnType<typeof rank> => {
      const sentences = splitSentences(BRIDGE).map((s) => s.text);
      sentences.splice(3, 0, fourth);
      return rank('', sentences.join(' '));
    };
    const plain = withFourth(
      'The chief engineer said the cracked span could be replaced before the spring floods.',
    );
    const quoted = withFourth(
      '“The cracked span could be replaced before the spring floods,” the chief engineer said.',
    );
    expect(quoted.texts[3]).toMatch(/^“/);
    expect(quoted.ranking.indexOf(3)).toBeGreaterThan(plain.ranking.indexOf(3));
  });

  it('never ranks two near-copies together at the top', () => {
    const text = [
      'Flood water forced two hundred families from their homes in the river town of Dunmore on Sunday.',
      'Two hundred families were forced from their homes by flood water in Dunmore on Sunday.',
      'The river rose by three metres overnight after a week of heavy rain in the hills.',
      'Volunteers filled sandbags at the town hall until the early hours of Monday.',
      'The families are staying with relatives or in the sports centre, which has opened as a shelter.',
      'Forecasters expect more rain in the hills on Wednesday.',
    ].join(' ');
    const { ranking, texts } = rank('Floods force families from homes in Dunmore', text);
    const top = ranking.slice(0, 3);
    for (let i = 0; i < top.length; i++)
      for (let j = i + 1; j < top.length; j++) {
        const a = new Set(contentWords(texts[top[i]!]!));
        const b = new Set(contentWords(texts[top[j]!]!));
        expect(overlap(a, b)).toBeLessThan(0.6);
      }
    expect(top).toContain(0);
    expect(top).not.toContain(1);
  });

  it('keeps fragments and link prompts out of the top', () => {
    const text = `${BRIDGE.split('. ').slice(0, 2).join('. ')}. Watch the video. Click here to sign up for our daily newsletter. Drivers were told to allow an extra hour for journeys into the town centre this week.`;
    const { ranking, texts } = rank('', text);
    const top = ranking.slice(0, 3).map((i) => texts[i]);
    expect(top).not.toContain('Watch the video.');
    expect(ranking.map((i) => texts[i])).not.toContain(
      'Click here to sign up for our daily newsletter.',
    );
  });

  it('does not count the lead twice when the title was cut from it', () => {
    // A file with no headline: ingest titles it with its opening sentence, cut short.
    const text = [
      'Mara Quist, the mayor of Portline, resigned on Tuesday after a council inquiry found she had misused public funds for a private harbour trip.',
      'Her deputy, Colm Ardel, will run the town until an election in the spring.',
      'The inquiry found that more than forty thousand pounds had paid for travel and hotels.',
      'Council staff were told at a short meeting in the afternoon.',
      'The police said they had not been asked to investigate.',
      'Supporters of the mayor gathered outside the harbour office on Tuesday, saying the council inquiry had been unfair.',
      'A new audit of the town accounts will begin next month.',
    ].join(' ');
    const sentences = splitSentences(text);
    const cut =
      'Mara Quist, the mayor of Portline, resigned on Tuesday after a council inquiry found she had misused public…';
    const untitled = rankSummary('', sentences);
    expect(rankSummary(cut, sentences)).toEqual(untitled);
    expect(rankSummary(sentences[0]!.text, sentences)).toEqual(untitled);
    // A headline of its own still lifts the sentence it speaks of.
    const headed = rankSummary('Supporters call Portline harbour inquiry unfair', sentences);
    expect(headed.indexOf(5)).toBeLessThan(untitled.indexOf(5));
  });

  it('is deterministic and returns each sentence at most once', () => {
    const a = rank('Cracks close Harlow Ferry bridge', BRIDGE).ranking;
    const b = rank('Cracks close Harlow Ferry bridge', BRIDGE).ranking;
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
    expect(rankSummary('', [])).toEqual([]);
  });
});
