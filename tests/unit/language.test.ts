import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { detectLanguage, englishOnly } from '../../src/nlp/language.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

// Invented news paragraphs, one per language, about the same invented harbour town.
const FRENCH = [
  'Le port de Marrowby sera fermé pendant trois semaines, a annoncé lundi la mairie.',
  '« Les travaux sont nécessaires pour la sécurité des habitants », a déclaré la maire, Mara Quist.',
  'Les pêcheurs de la région craignent une perte de revenus. Selon eux, ce projet aurait dû être discuté avec la population. La société Portline, qui gère les quais, a promis une aide.',
].join('\n\n');
const GERMAN = [
  'Der Hafen von Marrowby wird für drei Wochen geschlossen, wie die Stadtverwaltung am Montag mitteilte.',
  '„Die Arbeiten sind für die Sicherheit der Bewohner notwendig“, sagte die Bürgermeisterin Mara Quist.',
  'Die Fischer der Region befürchten hohe Verluste. Das Unternehmen Portline, das die Kais betreibt, hat eine Hilfe zugesagt, die aber noch nicht beschlossen ist.',
].join('\n\n');
const SPANISH = [
  'El puerto de Marrowby estará cerrado durante tres semanas, según anunció el lunes el ayuntamiento.',
  '“Las obras son necesarias para la seguridad de los vecinos”, dijo la alcaldesa, Mara Quist.',
  'Los pescadores de la región temen una pérdida de ingresos. La empresa Portline, que gestiona los muelles, ha prometido una ayuda, pero todavía no se conoce la cifra.',
].join('\n\n');
const ENGLISH = [
  'The port of Marrowby will close for three weeks, the council said on Monday.',
  '“The works are needed for the safety of residents,” said the mayor, Mara Quist.',
  'Fishermen in the region fear a loss of income. Portline, which runs the quays, has promised help, but it has not said how much.',
].join('\n\n');
// English copy that quotes a French sentence and names French places and papers.
const ENGLISH_QUOTING_FRENCH = [
  'Mara Quist, the mayor of Marrowby, told Le Journal de la Côte that the port would close.',
  '“Le port est fermé pour la sécurité de tous,” she said, and the council confirmed it on Monday.',
  'Fishermen in the region fear a loss of income, and they have asked the council for help.',
].join('\n\n');

describe('detectLanguage', () => {
  it('names French, German and Spanish news paragraphs', () => {
    expect(detectLanguage(FRENCH)).toBe('fr');
    expect(detectLanguage(GERMAN)).toBe('de');
    expect(detectLanguage(SPANISH)).toBe('es');
  });

  it('takes English, English quoting French, and text too short to tell as English', () => {
    expect(detectLanguage(ENGLISH)).toBe('en');
    expect(detectLanguage(ENGLISH_QUOTING_FRENCH)).toBe('en');
    expect(detectLanguage('Le Monde')).toBe('en');
    expect(detectLanguage('')).toBe('en');
  });

  it('says another script is not English', () => {
    expect(
      detectLanguage('Порт Марроуби закроют на три недели, сообщила мэрия в понедельник.'),
    ).toBe('und');
  });
});

describe('analysis of a text not in English', () => {
  it('has no actors or quotes (the tagger would take "Le" and "La" for names)', () => {
    for (const text of [FRENCH, GERMAN, SPANISH]) {
      const a = analyzeText('', text);
      expect(a.actors).toEqual([]);
      expect(a.mentions).toEqual([]);
      const only = englishOnly(a, text);
      expect(only.quotes).toEqual([]);
      expect(only.actors).toEqual([]);
      expect(only.language).toBe(detectLanguage(text));
      expect(only.sentences.length).toBeGreaterThan(2);
    }
  });

  it('leaves an English analysis as it is', () => {
    const a = analyzeText('', ENGLISH);
    expect(englishOnly(a, ENGLISH)).toBe(a);
    expect(a.actors.map((x) => x.name)).toContain('Mara Quist');
    expect(a.quotes).toHaveLength(1);
  });
});

describe('briefwire analyze', () => {
  it('says analysis is English-only for a page not in English, and not for an English one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'port-fr.txt'), `Marrowby ferme son port\n\n${FRENCH}\n`);
      writeFileSync(join(dir, 'port-en.txt'), `Marrowby closes its port\n\n${ENGLISH}\n`);
      const fr = await runCli(['analyze', join(dir, 'port-fr.txt')]);
      const en = await runCli(['analyze', join(dir, 'port-en.txt')]);
      expect(fr.code).toBe(0);
      const frRecord = JSON.parse(fr.stdout);
      expect(frRecord).toMatchObject({ language: 'fr', actors: [], quotes: [] });
      expect(frRecord.note).toMatch(/English-only/);
      expect(frRecord.text).toContain('Les pêcheurs');
      const enRecord = JSON.parse(en.stdout);
      expect(enRecord.language).toBeUndefined();
      expect(enRecord.note).toBeUndefined();
      expect(enRecord.quotes).toHaveLength(1);
    } finally {
      cleanup();
    }
  });
});

describe('a briefing with an article not in English', () => {
  it('stores it, says analysis is English-only, and takes no quote or actor from it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'port-fr.txt'), `Marrowby ferme son port\n\n${FRENCH}\n`);
      writeFileSync(join(dir, 'port-en.txt'), `Marrowby closes its port\n\n${ENGLISH}\n`);
      const db = join(dir, 'lang.db');
      expect((await runCli(['ingest', dir, '--db', db])).code).toBe(0);
      const brief = await runCli([
        'brief',
        'marrowby',
        '--since',
        'all',
        '--format',
        'json',
        '--db',
        db,
      ]);
      const b = JSON.parse(brief.stdout);
      expect(b.notes).toContain(
        'One article is not in English; analysis is English-only, so it gives no quotes or actors.',
      );
      expect(b.sources).toHaveLength(2);
      expect(b.quotes.map((q: { text: string }) => q.text)).toEqual([
        'The works are needed for the safety of residents',
      ]);
      expect(b.actors.map((a: { name: string }) => a.name)).not.toContain('Le');
    } finally {
      cleanup();
    }
  });
});
