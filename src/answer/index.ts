import { answerQuestion } from './extractive.ts';
import { type Answerer, createGenerativeAnswerer } from './generative.ts';

export type { Answerer } from './generative.ts';

export interface AnswererEnv {
  url: string | null;
  model: string | null;
  apiKey: string | null;
}

/** The generative answerer only when an endpoint and model are configured; extractive otherwise. */
export function createAnswerer(env: AnswererEnv | null): Answerer {
  if (env?.url && env.model)
    return createGenerativeAnswerer({ url: env.url, model: env.model, apiKey: env.apiKey });
  return answerQuestion;
}
