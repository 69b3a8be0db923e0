import type { Answer } from '../model/answer.ts';

/** An answer as plain text: the sentence, then where it comes from. */
export function renderAnswer(a: Answer, askedInScope = true): string {
  if (!a.found) return `${a.answer}\n`;
  const lines = [a.answer];
  for (const c of a.citations) {
    const where = [c.source, c.publishedAt?.slice(0, 10)].filter(Boolean).join(', ');
    lines.push(
      `  — ${c.title}${where ? ` (${where})` : ''}${c.url ? ` ${c.url}` : ` [${c.origin}]`}`,
    );
  }
  if (a.scope === 'store' && askedInScope)
    lines.push('  (not in the briefing’s articles; found elsewhere in the stores)');
  return `${lines.join('\n')}\n`;
}

/** The `ask --json` contract: {question, found, answer, citations: [{articleId, title, sentence}]}. */
export function answerToJson(a: Answer): object {
  return {
    question: a.question,
    found: a.found,
    answer: a.answer,
    scope: a.scope,
    citations: a.citations.map((c) => ({
      articleId: c.articleId,
      title: c.title,
      sentence: c.sentence,
      source: c.source,
      url: c.url,
      publishedAt: c.publishedAt,
    })),
  };
}
