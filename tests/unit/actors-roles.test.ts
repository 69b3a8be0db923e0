import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';

// Issue #15: roles as the article gives them, for people, organisations and places; a bare
// abbreviated title is no role. Invented articles.
function roleOf(text: string, name: string): string | null | undefined {
  return analyzeText('', text).actors.find((a) => a.name === name)?.role;
}

describe('roles of people', () => {
  it.each([
    [
      'Portline chief economist Ana Ruiz said growth would slow.',
      'Ana Ruiz',
      'Portline chief economist',
    ],
    [
      'Ana Ruiz was appointed director of the Tarrow Harbour Trust on Monday.',
      'Ana Ruiz',
      'director of the Tarrow Harbour Trust',
    ],
    [
      'Tomas Verlin has been named the new coach of Selby Rovers.',
      'Tomas Verlin',
      'new coach of Selby Rovers',
    ],
    [
      '“It failed,” Ohio-based developer Ana Ruiz wrote on Monday.',
      'Ana Ruiz',
      'Ohio-based developer',
    ],
    [
      'Another Portline radio host, Ana Ruiz, disagreed on Monday.',
      'Ana Ruiz',
      'Portline radio host',
    ],
    [
      'The Portline editor in chief, Tomas Verlin, agreed.',
      'Tomas Verlin',
      'Portline editor in chief',
    ],
    [
      'Mara Quist, 45, a nurse from Ashby, said the ward was full.',
      'Mara Quist',
      'nurse from Ashby',
    ],
    [
      '“We lost,” said Carl Wendt, a senior official with the Harbour Board that oversees the port.',
      'Carl Wendt',
      'senior official with the Harbour Board',
    ],
    [
      'The strike followed the departure of Carl Wendt as commissioner.',
      'Carl Wendt',
      'commissioner',
    ],
    [
      'Officials briefed President-elect Dana J. Holt’s team on Friday.',
      'Dana J. Holt',
      'President-elect',
    ],
    ['Florida Rep. Dana Holt spoke first.', 'Dana Holt', 'Florida Rep.'],
    ['The vote was close. Sen. Mara Quist (D-Ohio) said no.', 'Mara Quist', 'Sen. (D-Ohio)'],
    ['The vote was close. Sen. Mara Quist, D-Ohio, said no.', 'Mara Quist', 'Sen. (D-Ohio)'],
    ['The vote was close. Mara Quist (R-Texas) said no.', 'Mara Quist', 'R-Texas'],
    ['Opposition Leader Tom Pell said no.', 'Tom Pell', 'Opposition Leader'],
    ['Her campaign manager, Dana Holt, said no.', 'Dana Holt', 'campaign manager'],
    // A relative clause with a verb of leading gives the role its noun would.
    [
      '“We warned them twice,” said Ilsa Brenner, who heads Portline’s anti-fraud team.',
      'Ilsa Brenner',
      'head of Portline’s anti-fraud team',
    ],
    // A country's leader, and the first of two roles an apposition joins with "and a".
    [
      'Protests spread, and charges were filed against Belmora’s president, Oren Kettle, in June.',
      'Oren Kettle',
      'president of Belmora',
    ],
    [
      '“It holds up,” Ana Ruiz, director of the independent Ashby Fiscal Centre and a lecturer at the Tarrow School of Economics in Calloway, said of the plan.',
      'Ana Ruiz',
      'director of the independent Ashby Fiscal Centre',
    ],
    [
      'Speaking to Portline, Ashland’s domestic intelligence chief, Ken Marrow, said so.',
      'Ken Marrow',
      'Ashland’s domestic intelligence chief',
    ],
    ['Ashby Institute president Dana Holt said no.', 'Dana Holt', 'Ashby Institute president'],
    ['The actress and activist Dana Holt spoke first.', 'Dana Holt', 'actress and activist'],
  ])('%j → %s is %j', (text, name, role) => {
    expect(roleOf(text, name)).toBe(role);
  });

  it('cuts a long apposition after its head phrase rather than dropping it', () => {
    const text =
      '“No,” said Tom Pell, a senior fellow at the Ashby Institute for Coastal and Harbour Studies at the University of Marrowby, on Monday.';
    expect(roleOf(text, 'Tom Pell')).toBe(
      'senior fellow at the Ashby Institute for Coastal and Harbour Studies',
    );
  });

  it('gives no role for a bare abbreviated title, a bare "Leader", or a time phrase', () => {
    expect(roleOf('The vote was close. Sen. Mara Quist said no.', 'Mara Quist')).toBeNull();
    expect(roleOf('The vote was close. Leader Ona Pike said no.', 'Ona Pike')).toBeNull();
    expect(roleOf('Tom Pell, a day after the vote, left Ashby.', 'Tom Pell')).toBeNull();
    expect(roleOf('The vote was close. Former Gov. Dana Holt said no.', 'Dana Holt')).toBeNull();
    expect(roleOf('The vote was close. Then Sen. Dana Holt said no.', 'Dana Holt')).toBeNull();
    const names = analyzeText('', 'Sen. Mara Quist, D-Ohio, said no.').actors.map((a) => a.name);
    expect(names).toEqual(['Mara Quist']);
  });
});

describe('roles of places and organisations', () => {
  it('takes an apposition after a place, with or without an article', () => {
    const text =
      'Rebels took Ashby, the capital, on Monday. Fighting spread to Dunmore, a vast desert region of the north. Troops entered Kellmoor, capital of the province, at dawn.';
    const roles = Object.fromEntries(analyzeText('', text).actors.map((a) => [a.name, a.role]));
    expect(roles.Ashby).toBe('capital');
    expect(roles.Dunmore).toBe('vast desert region of the north');
    expect(roles.Kellmoor).toBe('capital of the province');
  });

  it('takes a description after a dash or from "is", stopping before a clause', () => {
    const text = [
      'Mara Quist runs Portline Media -- the studio that makes the Ashby quiz show -- from Ohio.',
      'Belmora is one of the poorest countries in the region, officials said.',
    ].join('\n\n');
    const roles = Object.fromEntries(analyzeText('', text).actors.map((a) => [a.name, a.role]));
    expect(roles['Portline Media']).toBe('studio');
  });

  it('gives a place no role that describes a person after it', () => {
    const text = 'Crews worked through the night in Ashland, Ashland’s fire chief told reporters.';
    expect(roleOf(text, 'Ashland')).toBeNull();
  });

  it('takes a kind noun right before the name, and "known as"', () => {
    const text = [
      'The ride-hailing company Velkor said it would appeal.',
      'Floods hit the port city of Ashby on Monday.',
      'Police blamed the outage on a shadowy hacking group known as Grey Heron.',
    ].join('\n\n');
    const actors = Object.fromEntries(analyzeText('', text).actors.map((a) => [a.name, a]));
    expect(actors.Velkor?.role).toBe('ride-hailing company');
    expect(actors.Ashby?.role).toBe('port city');
    expect(actors['Grey Heron']).toMatchObject({
      type: 'organization',
      role: 'shadowy hacking group',
    });
  });
});
