import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { speakerOf } from '../helpers/speakers.ts';

// Invented articles in the shape of British copy: one paragraph a line, quotes run on from
// line to line, organisations speak through "the magazine" and "it".

describe('a quotation running on from line to line', () => {
  it('reopens at the mark opening the next line, and the run keeps its speaker', () => {
    const text = [
      'Ferry firm Portline Lines has closed its night route.',
      'Some users said the route would only return if the council paid for a "night fare" to the islands.',
      'Mara Quist, chair of the Marrowby Passengers Forum, said that the firm should not be blamed for the losses.',
      '"Of course the firm should be free to run whatever boats it chooses.',
      '"But as a passenger I would want to know - who decides which routes close?"',
    ].join('\n');
    const quotes = analyzeText('Harbour news', text).quotes;
    expect(quotes.map((q) => q.text)).toContain(
      'But as a passenger I would want to know - who decides which routes close?',
    );
    expect(speakerOf(text, 'Of course the firm')).toBe('Mara Quist');
    expect(speakerOf(text, 'But as a passenger')).toBe('Mara Quist');
  });
});

describe('an organisation described later', () => {
  const text = [
    'The Velder 200 has been chosen as the best boat of all time, by UK magazine Sea Craft.',
    '',
    'The list puts the 1962 Orlen dinghy at two and a ketch built by Kestrel Marine Ltd at three.',
    'The magazine specified that boats also needed to be "something one person can sail alone".',
    '',
    '"In general we left out anything with an engine," said the magazine.',
    '',
    '"In the end, we chose the boats sailors love most," it concluded.',
  ].join('\n');

  it('points "the magazine" back to the name introduced as a magazine, not the nearest one', () => {
    expect(speakerOf(text, 'In general we left out')).toBe('Sea Craft');
  });

  it('lets a later "it" point to the organisation the description named', () => {
    expect(speakerOf(text, 'In the end, we chose')).toBe('Sea Craft');
  });

  it('makes a description opening the sentence its subject ("The magazine specified")', () => {
    expect(speakerOf(text, 'something one person')).toBe('Sea Craft');
  });
});

describe('a name in a phrase opening the sentence', () => {
  it('is not what a later "he" points back to ("At a dinner hosted by X, he said")', () => {
    const text = [
      'Tobin Ashgrove, Marrowby’s harbour minister, argued that the fees must fall.',
      'Mr Ashgrove is visiting Portline this week.',
      'At a dinner hosted by Portline mayor Piet Rask on Friday, he argued for lower tolls.',
      '"A lower toll is one more way to bring the boats back," he told the dinner.',
    ].join('\n');
    expect(speakerOf(text, 'A lower toll')).toBe('Tobin Ashgrove');
  });
});

describe('a name after "he" in its sentence', () => {
  it('is talked about, so a later "he" points back to the speaker before', () => {
    const text = [
      'Singer Tomas Verlin has held a concert in Portline to save the Marrowby Playhouse.',
      'Speaking to Harbour Radio before the show, Mr Verlin said his heart belonged to the town.',
      'And he named one man he would love to play on stage - Aldo Penning.',
      'He said that the old ferry captain was a "wild, fearless figure".',
    ].join('\n');
    expect(speakerOf(text, 'wild, fearless')).toBe('Tomas Verlin');
  });
});

describe('a plural description', () => {
  it('points back to the group introduced with that noun ("said the artists")', () => {
    const text = [
      'Ferry firm Portline Lines has launched an arts scheme.',
      'Using a game engine, award-winning artists Rask & Penning have built a model of the old Marrowby docks.',
      '"The harbour was the heart of the town for centuries," said the artists.',
    ].join('\n');
    expect(speakerOf(text, 'The harbour was')).toBe('Rask & Penning');
  });
});

describe('a contrasting clause after the quote', () => {
  it('has its own subject ("X dismissed it as “…”, while Y said …")', () => {
    const text = [
      'Harbour minister Tobin Ashgrove announced a new ferry fare on Sunday.',
      'Mara Quist dismissed the fare plan as "desperate", while Piet Rask said it was misdirected.',
    ].join('\n');
    expect(speakerOf(text, 'desperate')).toBe('Mara Quist');
  });
});

describe('"told" after a quote', () => {
  it('makes who is told the listener: the described person before it speaks', () => {
    const text = [
      'Tobin Ashgrove has won the Portline marathon.',
      '"I am delighted," the 24-year-old told Harbour Radio.',
    ].join('\n');
    expect(speakerOf(text, 'I am delighted')).toBe('Tobin Ashgrove');
  });
});

describe('a run of quote lines with the cue on the last', () => {
  it('gives the earlier lines the speaker named at the end of the run', () => {
    const text = [
      'Ferry firm Portline Lines has cut its night routes.',
      '"We have had a very difficult year."',
      '"But the routes will return when demand does," said chief executive Mara Quist.',
    ].join('\n');
    expect(speakerOf(text, 'We have had')).toBe('Mara Quist');
  });
});

describe('descriptions of a sportsman', () => {
  it('"said the Scot" and "the former striker said" point back to the person named before', () => {
    const scot = [
      'Tobin Ashgrove won the Portline Open on Sunday.',
      '"I am pleased with how I played," said the Scot.',
    ].join('\n');
    expect(speakerOf(scot, 'I am pleased')).toBe('Tobin Ashgrove');
    const striker = [
      'Tobin Ashgrove has been named coach of Marrowby.',
      'The former Portline striker said he was "thrilled" to return.',
    ].join('\n');
    expect(speakerOf(striker, 'thrilled')).toBe('Tobin Ashgrove');
  });
});
