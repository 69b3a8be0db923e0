import type { Answer, Citation } from '../model/answer.ts';
import type { StoredArticle } from '../model/article.ts';
import { BriefwireError } from '../model/errors.ts';
import type { ArticleStore } from '../store/ports/articles.ts';
import { sentenceViews } from './entities.ts';
import { answerQuestion } from './extractive.ts';
import { parseQuestion, type Question } from './question.ts';
import { candidateArticles } from './retrieve.ts';
import { concept } from './stem.ts';

/**
 * An optional answerer backed by an OpenAI-compatible chat endpoint (OpenAI, a local Ollama,
 * llama.cpp's server…). The model only phrases the answer: it sees numbered sentences retrieved
 * from the store and must cite them, and only sentences it cites and we gave it become
 * citations. Any failure of the endpoint falls back to the extractive answerer, so a follow-up
 * never fails because a model server is down.
 */

export interface GenerativeOptions {
  /** Base URL of the API, e.g. http://127.0.0.1:11434/v1; "/chat/completions" is appended. */
  url: string;
  model: string;
  apiKey: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type Answerer = (
  articles: ArticleStore,
  question: string,
  briefingArticleIds: number[],
) => Promise<Answer>;

/** Sentences shown to the model: enough context to answer, few enough for small local models. */
const MAX_CANDIDATES = 8;
const DEFAULT_TIMEOUT_MS = 20_000;
const NOT_FOUND_TOKEN = 'NOT_FOUND';
const NOT_FOUND_TEXT = "I couldn't find that in the stored articles, so I won't guess.";

const SYSTEM_PROMPT = [
  'You answer questions about news articles using ONLY the numbered sentences provided.',
  'Cite every sentence you rely on by its number in square brackets, like [1] or [2][3].',
  'Do not use any outside knowledge and do not guess.',
  `If the sentences do not answer the question, reply with exactly ${NOT_FOUND_TOKEN}.`,
  'Answer in one to three short sentences.',
].join(' ');

interface Candidate {
  article: StoredArticle;
  sentence: string;
}

/**
 * The sentences of the retrieved articles that share the most of the question's concepts: the
 * same retrieval as the extractive answerer, but several sentences so the model can combine them.
 */
async function candidatesIn(
  store: ArticleStore,
  q: Question,
  articleIds: number[] | null,
): Promise<Candidate[]> {
  const articles = await candidateArticles(store, q, articleIds ? { articleIds } : {});
  const words = [...new Set(q.words.map(concept))];
  const views = articles.flatMap(sentenceViews);
  // Rarer words weigh more, as in the extractive answerer: "cost" says more than "mill".
  const df = new Map<string, number>();
  for (const v of views)
    for (const w of words) if (v.concepts.has(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string): number => Math.log(1 + (views.length + 1) / (1 + (df.get(w) ?? 0)));
  const scored = views
    .map((v) => ({
      v,
      score: words.filter((w) => v.concepts.has(w)).reduce((n, w) => n + weight(w), 0),
    }))
    .filter((s) => s.score > 0)
    // Stable sort keeps article rank and reading order among equally good sentences.
    .sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const { v } of scored) {
    if (seen.has(v.text)) continue;
    seen.add(v.text);
    out.push({ article: v.article, sentence: v.text });
    if (out.length === MAX_CANDIDATES) break;
  }
  return out;
}

function cite(c: Candidate): Citation {
  const a = c.article;
  return {
    articleId: a.id,
    title: a.title,
    sentence: c.sentence,
    source: a.source,
    url: a.url,
    origin: a.origin,
    publishedAt: a.publishedAt,
  };
}

function userPrompt(question: string, candidates: Candidate[]): string {
  const lines = candidates.map((c, i) => `[${i + 1}] ${c.sentence}`);
  return `Sentences:\n${lines.join('\n')}\n\nQuestion: ${question}`;
}

/** The reply text of a chat completion, or null when the body is not one. */
function replyText(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('choices' in body)) return null;
  const { choices } = body;
  if (!Array.isArray(choices)) return null;
  const first: unknown = choices[0];
  if (typeof first !== 'object' || first === null || !('message' in first)) return null;
  const { message } = first;
  if (typeof message !== 'object' || message === null || !('content' in message)) return null;
  return typeof message.content === 'string' ? message.content : null;
}

/** Distinct sentence numbers the reply cites, in order of first mention. */
function citedNumbers(reply: string): number[] {
  const numbers: number[] = [];
  for (const group of reply.matchAll(/\[(\d+(?:\s*,\s*\d+)*)\]/gu))
    for (const n of (group[1] ?? '').split(',')) {
      const k = Number.parseInt(n.trim(), 10);
      if (!numbers.includes(k)) numbers.push(k);
    }
  return numbers;
}

export function createGenerativeAnswerer(opts: GenerativeOptions): Answerer {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpoint = `${opts.url.replace(/\/+$/u, '')}/chat/completions`;

  async function complete(question: string, candidates: Candidate[]): Promise<string> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
    const res = await doFetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        model: opts.model,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: userPrompt(question, candidates) },
        ],
        temperature: 0,
      }),
      // Covers a slow body as well as slow headers: the signal aborts the whole exchange.
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok)
      throw new BriefwireError('LLM_FAILED', `LLM endpoint answered HTTP ${res.status}`, endpoint);
    const text = replyText(await res.json());
    if (text === null)
      throw new BriefwireError('LLM_FAILED', 'LLM endpoint sent no chat completion', endpoint);
    return text;
  }

  return async (articles, question, briefingArticleIds) => {
    const q = parseQuestion(question);
    if (q.words.length === 0) return answerQuestion(articles, question, briefingArticleIds);
    let scope: Answer['scope'] = 'briefing';
    let candidates: Candidate[] = [];
    if (briefingArticleIds.length > 0)
      candidates = await candidatesIn(articles, q, briefingArticleIds);
    if (candidates.length === 0) {
      scope = 'store';
      candidates = await candidatesIn(articles, q, null);
    }
    // Nothing to ground an answer in: the extractive answerer's own not-found.
    if (candidates.length === 0) return answerQuestion(articles, question, briefingArticleIds);

    let reply: string;
    try {
      reply = await complete(question, candidates);
    } catch {
      // A down, slow or misbehaving model server must not cost the user their answer.
      return answerQuestion(articles, question, briefingArticleIds);
    }
    const cited = citedNumbers(reply)
      .map((n) => candidates[n - 1])
      .filter((c): c is Candidate => c !== undefined);
    if (cited.length === 0 || reply.includes(NOT_FOUND_TOKEN))
      return { question, found: false, answer: NOT_FOUND_TEXT, citations: [], scope };
    // The numbers mean nothing to the reader; the citations carry the sentences themselves.
    const answer = reply
      .replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim();
    return { question, found: true, answer, citations: cited.map(cite), scope };
  };
}
