import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';

// Invented text in the shapes wire copy gives speakers (issue #15).
function speakerOf(text: string, start: string): string | null | undefined {
  const quotes = analyzeText('Harbour news', text).quotes;
  return quotes.find((q) => q.text.startsWith(start))?.speaker;
}

describe('speakers in wire copy', () => {
  it('names an organisation introduced with its acronym in full, the acronym an alias', () => {
    const text = [
      'Inflation will ease next year, the Central Bank of Belmora (CBB) said in its annual report.',
      '"Prices are stable and will stay so," the CBB said on Monday.',
    ].join('\n');
    const analysis = analyzeText('Harbour news', text);
    const bank = analysis.actors.find((a) => a.aliases.includes('CBB'));
    expect(bank?.name).toBe('Central Bank of Belmora');
    expect(analysis.actors.some((a) => a.name.includes('('))).toBe(false);
    expect(speakerOf(text, 'Prices are stable')).toBe('Central Bank of Belmora');
  });

  it('does not take the owner of a description for the speaker ("Belmora\'s top cleric")', () => {
    const text = [
      "Belmora's chief rabbi Tomas Verlin spoke at the ceremony on Sunday.",
      'Interior minister Ivo Tamm also attended.',
      '"We must be patient," Belmora\'s top rabbi said.',
      '"We must wait," the minister said.',
    ].join('\n');
    expect(speakerOf(text, 'We must be patient')).toBe('Tomas Verlin');
    expect(speakerOf(text, 'We must wait')).toBe('Ivo Tamm');
  });

  it('takes the name after an owner, or the one described before the owner, never the owner', () => {
    expect(
      speakerOf(
        'Belmora\'s Channel Four television said on Monday that "the vote was fair and calm".',
        'the vote was fair',
      ),
    ).toBe('Channel Four');
    const text = [
      'Tomas Verlin on Wednesday called on Ivo Tamm to apologise.',
      '"My reaction, that was outrageous," Quist\'s former campaign strategist said in an interview with Harbour Radio\'s Mara Rask.',
    ].join('\n');
    expect(speakerOf(text, 'My reaction')).toBe('Tomas Verlin');
    // A person's doctor is someone new, not whoever was named some sentences before.
    const doctor = [
      'Tomas Verlin spoke at the harbour on Friday.',
      'The crowd was small.',
      'Ferries ran late.',
      'Candidate Mara Quist\'s doctor is calling the candidate "extremely fit and well".',
    ].join('\n\n');
    expect(speakerOf(doctor, 'extremely fit')).not.toBe('Tomas Verlin');
  });

  it('takes a long name right before the verb over a description before it', () => {
    const text = [
      "Belmora's envoy to the harbour committee Werner Tamsin said on Wednesday buyers should look elsewhere.",
      '"We do not support any such advice," the Commission\'s chief spokesman Nikolaus van der Rask told a briefing.',
    ].join('\n');
    expect(speakerOf(text, 'We do not support')).toBe('Nikolaus van der Rask');
  });

  it('gives a quote to the agent after it of the passive verb before it', () => {
    const text = [
      'Tobin Rask has a starring role in the film.',
      'He plays a lawyer in the movie described as "a tender and cruel comedy" by Lina Marrow, who is making her tenth film.',
    ].join('\n');
    expect(speakerOf(text, 'a tender')).toBe('Lina Marrow');
  });

  it('gives a quote after "X said:" to X, not to the subject of an earlier clause', () => {
    const text =
      'Compared with last year, when Portline predicted a slow start, Hale said: "The difference is clear this time."';
    expect(speakerOf(text, 'The difference')).toBe('Hale');
    // With no earlier speech verb, an apposition before "said:" still names the speaker.
    const apposed = 'Mara Quist, Portline Hotel Association said: "We tried very hard."';
    expect(speakerOf(apposed, 'We tried')).toBe('Mara Quist');
  });

  it('reads "he said" as the one the sentence before had speaking, not its subject', () => {
    const text = [
      'Oskar Renn replaced another Belmoran general, Ivo Tamm, who told officers at the ceremony that peace was near.',
      '"The search for peace has been hard," he said.',
    ].join('\n');
    expect(speakerOf(text, 'The search')).toBe('Ivo Tamm');
    // A quote of several sentences before its cue.
    const long = [
      'Oskar Renn replaced another Belmoran general, Ivo Tamm, who told officers at the ceremony that peace was near.',
      '"The search for peace has been hard. Soldiers were harassed and taken hostage," he said.',
    ].join('\n');
    expect(speakerOf(long, 'The search')).toBe('Ivo Tamm');
    // A subject who speaks himself keeps the pronoun.
    const reported = [
      'Oskar Renn said Ivo Tamm told officers that peace was near.',
      '"The search for peace has been hard," he said.',
    ].join('\n');
    expect(speakerOf(reported, 'The search')).toBe('Oskar Renn');
  });

  it('takes no speaker or antecedent from a sign-off line', () => {
    const it = [
      'The port will reopen next week, the Harbour Board said.',
      '-- Portline Newsroom 61-2 5550-1800',
      '"Repairs are finished," it said.',
    ].join('\n');
    expect(speakerOf(it, 'Repairs')).toBe('Harbour Board');
    const signed = [
      'Mara Quist said the harbour "will reopen soon."',
      '-- Tomas Verlin, Belmora Newsroom +44 20 5550 7717',
    ].join('\n');
    expect(speakerOf(signed, 'will reopen')).toBe('Mara Quist');
  });

  it('keeps a team word after "former" out of a name', () => {
    const text =
      'In Portline, former Mariner Dario Brask hit a grand slam.\n"I was just trying to make contact," said Brask.';
    const analysis = analyzeText('Harbour news', text);
    expect(analysis.actors.map((a) => a.name)).toContain('Dario Brask');
    expect(speakerOf(text, 'I was just')).toBe('Dario Brask');
  });

  it('gives "it said" after "said the statement by spokesman X" to X', () => {
    const text = [
      'A Harbour Board statement appeared to answer complaints from Belmora.',
      '"Portline reiterates its full commitment to the accords," said the statement by spokesman Glyn Davor.',
      '"Portline will continue to return boats intercepted at sea," it said.',
      'Belmora would also take "prompt and effective action" against smuggling, it added.',
    ].join('\n');
    expect(speakerOf(text, 'Portline reiterates')).toBe('Glyn Davor');
    expect(speakerOf(text, 'Portline will continue')).toBe('Glyn Davor');
    expect(speakerOf(text, 'prompt and effective')).toBe('Glyn Davor');
  });
});
