import { readFileSync } from 'node:fs';
import { splitSentences } from './sentences.ts';
import { LABELS, labelIndex } from './tagger/labels.ts';
import { type Token, tokenize } from './text/tokens.ts';

/**
 * CoNLL-2003 files (`word TAG 0` lines, IOB2 tags, blank lines between sentences) and their
 * alignment to our own tokens: the words are joined by single spaces and run through the
 * same sentence splitter and tokenize() as an article, and each token takes the label of the
 * gold word it starts in, so the tagger learns from exactly what it will see at run time.
 */
export interface ConllSentence {
  words: string[];
  tags: string[];
}

export function readConll(path: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length) sentences.push({ words, tags });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, tag] = line.trim().split(/\s+/);
    if (!word || !tag) {
      flush();
      continue;
    }
    words.push(word);
    tags.push(tag);
  }
  flush();
  return sentences;
}

/** Character offsets of each word in the words joined by single spaces. */
export function wordOffsets(words: readonly string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let at = 0;
  for (const w of words) {
    out.push([at, at + w.length]);
    at += w.length + 1;
  }
  return out;
}

export interface AlignedSequence {
  tokens: Token[];
  labels: number[];
}

/** Our tokens of one CoNLL sentence, one sequence per sentence our splitter finds in it. */
export function alignSentence(s: ConllSentence): AlignedSequence[] {
  const text = s.words.join(' ');
  const tokens = tokenize(
    text,
    splitSentences(text).map((x) => x.end),
  );
  const offsets = wordOffsets(s.words);
  const sequences: AlignedSequence[] = [];
  let word = 0;
  let lastWord = -1;
  let current: AlignedSequence | undefined;
  tokens.forEach((t, i) => {
    if (i === 0 || t.sentence !== tokens[i - 1]!.sentence) {
      current = { tokens: [], labels: [] };
      sequences.push(current);
    }
    while (word < offsets.length - 1 && offsets[word]![1] <= t.start) word++;
    const gold = s.tags[word] ?? 'O';
    let label = gold;
    // A second token inside one gold word ("Anglo" "Dutch") continues its span.
    if (word === lastWord && gold.startsWith('B-')) label = `I-${gold.slice(2)}`;
    // A span cut by our splitter, or joined to a token of another kind, starts afresh.
    const before = LABELS[current!.labels.at(-1) ?? 0] ?? 'O';
    if (label.startsWith('I-') && before.slice(2) !== label.slice(2)) label = `B-${label.slice(2)}`;
    current!.tokens.push(t);
    current!.labels.push(labelIndex(label));
    lastWord = word;
  });
  return sequences;
}

/**
 * Words written in lowercase inside running text at least `min` times: not the first word,
 * not in an all-caps line. Learnt from the training words only, never from labels.
 */
export function lowercaseWords(sentences: readonly ConllSentence[], min: number): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    if (!s.words.some((w) => /\p{Ll}/u.test(w))) continue;
    s.words.forEach((w, i) => {
      if (i > 0 && /^\p{Ll}+$/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    });
  }
  return [...counts]
    .filter(([, n]) => n >= min)
    .map(([w]) => w)
    .sort();
}
