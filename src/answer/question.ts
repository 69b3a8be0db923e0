import { contentWords } from '../nlp/words.ts';

/** What kind of answer a question wants, read from its first words. */
export type QuestionKind =
  | 'who'
  | 'whoIs'
  | 'say'
  | 'howMany'
  | 'when'
  | 'where'
  | 'why'
  | 'whatIs'
  | 'other';

export interface Question {
  text: string;
  kind: QuestionKind;
  /** The words the answer sentence should share with the question. */
  words: string[];
  /** For "what did X say" and "who is X": the person or thing asked about, as written. */
  subject: string | null;
  /**
   * Capitalised words inside the question: names. An article that has none of them is not
   * about what was asked, however many other words it shares.
   */
  names: string[];
}

/** Words that shape a question but say nothing about its subject. */
const QUESTION_WORDS = new Set([
  'who',
  'what',
  'when',
  'where',
  'why',
  'how',
  'which',
  'many',
  'much',
  'long',
  'does',
  'did',
  'tell',
  'about',
  'know',
  'anything',
  'else',
  'happen',
  'happened',
]);

const SAY_VERBS = 'say|said|tell|told|claim|claimed|state|stated|announce|warn|promise|reveal';
const SAY = new RegExp(
  `^what\\s+(?:did|does|has|have|had|do)\\s+(.+?)\\s+(?:${SAY_VERBS})\\b\\s*(.*)$`,
  'iu',
);
const WHO_IS = /^(?:who|what)\s+(?:is|was|are|were)\s+(.+)$/iu;

function kindOf(q: string): QuestionKind {
  const lower = q.toLowerCase();
  if (/^how\s+(?:many|much)\b/.test(lower)) return 'howMany';
  if (/^when\b|^what\s+(?:time|date|day|year)\b/.test(lower)) return 'when';
  if (/^where\b/.test(lower)) return 'where';
  if (/^why\b|^what\s+(?:caused|made|led)\b/.test(lower)) return 'why';
  if (/^who\b/.test(lower)) return 'who';
  return 'other';
}

/** Strips "the", trailing "about it" and the question mark from a named subject. */
function cleanSubject(s: string): string {
  return s
    .replace(/[?.!]+$/u, '')
    .replace(/\s+about\s+.*$/iu, '')
    .replace(/^(?:the|a|an)\s+/iu, '')
    .trim();
}

function capitalisedNames(q: string): string[] {
  const names: string[] = [];
  // The first word is capitalised because it starts the question, not because it is a name.
  const words = q.match(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu) ?? [];
  words.slice(1).forEach((w) => {
    if (/^\p{Lu}/u.test(w)) names.push(...contentWords(w));
  });
  return [...new Set(names)].filter((w) => !QUESTION_WORDS.has(w));
}

export function parseQuestion(raw: string): Question {
  const text = raw.trim();
  let kind = kindOf(text);
  let subject: string | null = null;
  let rest = text;
  const say = SAY.exec(text);
  const whoIs = WHO_IS.exec(text);
  if (say) {
    kind = 'say';
    subject = cleanSubject(say[1]!);
    rest = `${subject} ${say[2] ?? ''}`;
  } else if (whoIs && (kind === 'who' || kind === 'other')) {
    kind = kind === 'who' ? 'whoIs' : 'whatIs';
    subject = cleanSubject(whoIs[1]!);
  }
  const words = [...new Set(contentWords(rest).filter((w) => !QUESTION_WORDS.has(w)))];
  return { text, kind, words, subject, names: capitalisedNames(text) };
}
