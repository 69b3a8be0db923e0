import { loadTopics, type Topic } from './briefing/topics.ts';
import type { Config } from './config.ts';
import type { BriefwireError } from './errors.ts';
import { createStore } from './store/create.ts';
import type { Store } from './store/port.ts';

/** Wiring only: configuration → store → topics (→ adapters and scheduler as they arrive). */
export interface App {
  config: Config;
  store: Store;
  topics: Topic[];
  /** Topic files that could not be read, to report once. */
  topicProblems: BriefwireError[];
  close(): Promise<void>;
}

export async function openApp(config: Config): Promise<App> {
  const store = await createStore(config.db);
  const { topics, problems } = loadTopics(config.topicsDir);
  return { config, store, topics, topicProblems: problems, close: () => store.close() };
}
