import { describe, expect, it } from 'vitest';
import { words } from '../../eval/answers-v2.ts';

// The follow-up eval counts an answer right when its cited words hold the gold answer's words.
describe('eval: words compared between a citation and its gold answer', () => {
  it('ends a word at its possessive, so "Portline’s business" holds "Portline"', () => {
    expect(` ${words('Portline’s business model')} `).toContain(' portline ');
    expect(` ${words("Portline's business model")} `).toContain(' portline ');
  });

  it('drops quote marks of every shape, as PolNeAR writes them', () => {
    expect(words("''Their plan,'' she said")).toBe('their plan she said');
  });
});
