import { describe, expect, it } from 'vitest';
import { splitOwnedPeople } from '../../src/nlp/name-owners.ts';
import { type NameSpan, nameSpanOf } from '../../src/nlp/name-span.ts';
import { type Token, tokenize } from '../../src/nlp/text/tokens.ts';

// Invented text: a span the tagger made of an owner and the person it owns (#15).

function spanOf(tokens: Token[], words: string, type: NameSpan['type']): NameSpan {
  const parts = words.split(' ');
  const first = tokens.findIndex((_, i) => parts.every((w, k) => tokens[i + k]?.word === w));
  return nameSpanOf(tokens, first, first + parts.length - 1, type);
}

describe('an owner and the person it owns, taken for one name', () => {
  it('splits "Farm Department\'s Tamm" when Tamm is a person the article names in full', () => {
    const text = "Ivo Tamm spoke on Monday. It is complicated, said the Farm Department's Tamm.";
    const tokens = tokenize(text, [25, text.length]);
    const names = [
      spanOf(tokens, 'Ivo Tamm', 'person'),
      spanOf(tokens, 'Farm Department Tamm', 'organization'),
    ];
    const split = splitOwnedPeople(tokens, names).map((n) => `${n.text}:${n.type}`);
    expect(split).toEqual(['Ivo Tamm:person', 'Farm Department:organization', 'Tamm:person']);
  });

  it('keeps a name that holds a possessive but owns no known person', () => {
    const text = "Ivo Tamm spoke on Monday. It is complicated, said the Harbour Mariners' Trust.";
    const tokens = tokenize(text, [25, text.length]);
    const names = [
      spanOf(tokens, 'Ivo Tamm', 'person'),
      spanOf(tokens, 'Harbour Mariners Trust', 'organization'),
    ];
    expect(splitOwnedPeople(tokens, names)).toEqual(names);
  });
});
