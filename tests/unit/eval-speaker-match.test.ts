import { describe, expect, it } from 'vitest';
import { isNamedSource } from '../../eval/quotes.ts';
import { nameRuns, sameSpeakerLenient, sameSpeakerStrict } from '../../eval/speaker-match.ts';

describe('speaker accuracy, strict beside lenient', () => {
  it('takes a person as right when the surname matches and nothing tells them apart', () => {
    expect(
      sameSpeakerStrict('Mara Quist', 'Rep. Mara Quist (D-Ohio), the panel chair', 'person'),
    ).toBe(true);
    expect(sameSpeakerStrict('Quist', 'Senate Leader Mara Quist', 'person')).toBe(true);
    expect(sameSpeakerStrict('Tom Quist', 'Mr. Quist of the Portline Trust', 'person')).toBe(true);
    expect(sameSpeakerStrict('Tom Quist Jr.', 'Tom Quist', 'person')).toBe(true);
    expect(sameSpeakerStrict('Mara Quist', 'Quist’s', 'person')).toBe(true);
    expect(sameSpeakerStrict('Liam O’Tarran', "O'Tarran", 'person')).toBe(true);
    expect(sameSpeakerLenient('Liam O’Tarran', "Commissioner O'Tarran")).toBe(true);
  });

  it('takes a surname of two words for the end of our full name, and only the end', () => {
    expect(sameSpeakerStrict('Ramón Ortal Vega', 'Ortal Vega', 'person')).toBe(true);
    expect(sameSpeakerStrict('Ramón Ortal Vega', 'novelist Ortal Vega', 'person')).toBe(true);
    expect(sameSpeakerStrict('Ramón Ortal Vega', 'Ines Vega', 'person')).toBe(false);
    expect(sameSpeakerStrict('Ortal Vega', 'Ramón Vega', 'person')).toBe(false);
  });

  it('tells apart relatives who share a surname, which the lenient count does not', () => {
    // A woman's given name against a gold "Mr.": another member of the family.
    expect(sameSpeakerStrict('Mary Quist', 'Mr. Quist', 'person')).toBe(false);
    expect(sameSpeakerLenient('Mary Quist', 'Mr. Quist')).toBe(true);
    expect(sameSpeakerStrict('Tom Quist', 'his wife, Mara Quist', 'person')).toBe(false);
    expect(sameSpeakerLenient('Tom Quist', 'his wife, Mara Quist')).toBe(true);
  });

  it('takes a described speaker written as the gold writes it as right, and only that', () => {
    expect(
      sameSpeakerStrict('Belmoran foreign ministry', 'the Belmoran foreign ministry', null),
    ).toBe(true);
    expect(sameSpeakerStrict('Belmoran foreign ministry', 'Belmoran interior ministry', null)).toBe(
      false,
    );
  });

  it('takes a company named without its legal form as the company', () => {
    expect(sameSpeakerStrict('Portline', 'Portline AG', 'organization')).toBe(true);
    expect(sameSpeakerStrict('Portline', 'Portline Holdings Plc', 'organization')).toBe(false);
  });

  it('does not take the owner of a possessive for the speaker', () => {
    expect(sameSpeakerStrict('Mara Quist', 'Mara Quist’s spokesman', 'person')).toBe(false);
    expect(sameSpeakerLenient('Mara Quist', 'Mara Quist’s spokesman')).toBe(true);
  });

  it('wants all of an organisation name, not part of it', () => {
    expect(sameSpeakerStrict('Harbour Board', 'the Portline Harbour Board', 'organization')).toBe(
      false,
    );
    expect(sameSpeakerLenient('Harbour Board', 'the Portline Harbour Board')).toBe(true);
    expect(
      sameSpeakerStrict('Portline Harbour Board', 'the Portline Harbour Board', 'organization'),
    ).toBe(true);
    expect(
      sameSpeakerStrict(
        'Board of Marrowby Trade',
        'A Board of Marrowby Trade report',
        'organization',
      ),
    ).toBe(true);
    // A person's title taken for an organisation is the wrong speaker.
    expect(
      sameSpeakerStrict('Marrowby Council', 'Marrowby Council Leader Mara Quist', 'organization'),
    ).toBe(false);
  });

  it("takes an organisation whose name holds an owner's mark for itself", () => {
    expect(sameSpeakerStrict("Harbourmen's Gazette", "Harbourmen's Gazette", 'organization')).toBe(
      true,
    );
    expect(
      sameSpeakerStrict('Harbourmen’s Gazette', "the Harbourmen's Gazette", 'organization'),
    ).toBe(true);
    // "Belmora's Channel Four" names Channel Four, and Belmora is not it.
    expect(sameSpeakerStrict('Channel Four', "Belmora's Channel Four", 'organization')).toBe(true);
    expect(sameSpeakerStrict('Belmora', "Belmora's Channel Four", 'organization')).toBe(false);
    expect(sameSpeakerStrict('Belmora', "Belmora's chief rabbi", 'organization')).toBe(false);
    expect(nameRuns("Harbourmen's Gazette", true, true)).toEqual([['harbourmen', 'gazette']]);
  });

  it('takes a name spelled out for the acronym the gold gives, not the other way', () => {
    expect(sameSpeakerStrict('Harbour Safety Board', 'the HSB', 'organization')).toBe(true);
    expect(sameSpeakerStrict('Central Bank of Belmora', 'CBB', 'organization')).toBe(true);
    expect(sameSpeakerStrict('Harbour Safety Board', 'the HSA', 'organization')).toBe(false);
    expect(sameSpeakerStrict('HSB', 'the Harbour Safety Board', 'organization')).toBe(false);
  });

  it('reads the runs of capitalised words a gold Source holds', () => {
    expect(nameRuns('Rep. Mara Quist (D-Ohio), head of the Portline Trust', false)).toEqual([
      ['rep', 'mara', 'quist'],
      ['portline', 'trust'],
    ]);
    expect(nameRuns('the Bank of Marrowby', true)).toEqual([['bank', 'of', 'marrowby']]);
  });

  it('counts a quote as named only when its Source names the speaker, not an owner of theirs', () => {
    const source = (text: string) => ({ start: 0, end: text.length, text });
    expect(isNamedSource(source('Rep. Mara Quist (D-Ohio)'))).toBe(true);
    expect(isNamedSource(source('Quist’s'))).toBe(true);
    expect(isNamedSource(source('The Portline Gazette'))).toBe(true);
    expect(isNamedSource(source("Quist's doctor"))).toBe(false);
    expect(isNamedSource(source('Portline’s chief spokesman'))).toBe(false);
    expect(isNamedSource(source('the Ohio governor'))).toBe(false);
    expect(isNamedSource(source('Protesters'))).toBe(false);
  });
});
