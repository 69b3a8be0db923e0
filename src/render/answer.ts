import type { Answer } from '../model/answer.ts';
import { FIELD_CHARS as CAP, field } from './fields.ts';
import { linkableUrl } from './links.ts';
import type { TextOptions } from './text.ts';

/**
 * An answer as plain text: the sentence, then where it comes from (its http(s) URL, else the
 * file it came from when `origins` allows, as in the briefing's sources).
 */
export function renderAnswer(a: Answer, askedInScope = true, options: TextOptions = {}): string {
  if (!a.found) return `${field(a.answer, CAP.answer)}\n`;
  const lines = [field(a.answer, CAP.answer)];
  for (const c of a.citations) {
    const date = c.publishedAt?.slice(0, 10);
    const where = [c.source && field(c.source, CAP.name), date].filter(Boolean).join(', ');
    const url = linkableUrl(c.url);
    const from = url
      ? ` ${url}`
      : options.origins === false
        ? ''
        : ` [${field(c.origin, CAP.title * 2)}]`;
    lines.push(`  — ${field(c.title, CAP.title)}${where ? ` (${where})` : ''}${from}`);
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
