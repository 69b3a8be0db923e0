import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { speakerOf } from '../helpers/speakers.ts';

// Invented text in the shapes wire copy gives speakers (issue #15).

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
      '"Frankly, that was shameful," Quist\'s old campaign adviser said in a talk with Harbour Radio\'s Mara Rask.',
    ].join('\n');
    expect(speakerOf(text, 'Frankly')).toBe('Tomas Verlin');
    // A person's doctor is someone new, not whoever was named some sentences before.
    const doctor = [
      'Tomas Verlin spoke at the harbour on Friday.',
      'The crowd was small.',
      'Ferries ran late.',
      'Candidate Mara Quist\'s doctor describes her as "in excellent shape".',
    ].join('\n\n');
    expect(speakerOf(doctor, 'in excellent')).not.toBe('Tomas Verlin');
  });

  it('takes a long name right before the verb over a description before it', () => {
    const text = [
      "Belmora's envoy to the harbour committee Oskar Tamsin said on Wednesday buyers should look elsewhere.",
      '"We see no reason for such a warning," the Authority\'s head spokesman Pieter van der Rask told reporters.',
    ].join('\n');
    expect(speakerOf(text, 'We see no reason')).toBe('Pieter van der Rask');
  });

  it('gives a quote to the agent after it of the passive verb before it', () => {
    const text = [
      'Tobin Rask has a starring role in the film.',
      'He plays a ferry captain in the picture described as "a gentle and bitter farce" by Lina Marrow, who is directing her tenth picture.',
    ].join('\n');
    expect(speakerOf(text, 'a gentle')).toBe('Lina Marrow');
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
      'In Portline, former Mariner Dario Brask hit a grand slam.\n"I only wanted a clean hit," said Brask.';
    const analysis = analyzeText('Harbour news', text);
    expect(analysis.actors.map((a) => a.name)).toContain('Dario Brask');
    expect(speakerOf(text, 'I only wanted')).toBe('Dario Brask');
  });

  it('gives "it said" after "said the statement by spokesman X" to X', () => {
    const text = [
      'A Harbour Board statement appeared to answer complaints from Belmora.',
      '"Portline stands fully behind the harbour accords," said the statement by spokesman Osric Davor.',
      '"Portline will keep sending back boats stopped at sea," it said.',
      'Belmora would also act "quickly and firmly" against smuggling, it added.',
    ].join('\n');
    expect(speakerOf(text, 'Portline stands')).toBe('Osric Davor');
    expect(speakerOf(text, 'Portline will keep')).toBe('Osric Davor');
    expect(speakerOf(text, 'quickly and firmly')).toBe('Osric Davor');
  });
});
