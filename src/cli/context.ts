import { type App, openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { forTerminalLine } from '../render/terminal.ts';
import { createStore } from '../store/create.ts';
import type { Stores } from '../store/ports/port.ts';
import type { CliIO } from './io.ts';

/** Opens the app for a subcommand with `--db` taking precedence over the environment. */
export async function withApp<T>(
  io: CliIO,
  db: string | undefined,
  work: (app: App) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env, db ? { db } : {});
  const app = await openApp(config);
  for (const p of app.topicProblems)
    io.stderr.write(`warning: topic file skipped: ${forTerminalLine(p.message)} [${p.code}]\n`);
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/**
 * Opens only the store, for commands about the database itself (migrate, export, import):
 * no topics, fetcher or platforms are needed for those.
 */
export async function withStore<T>(
  io: CliIO,
  db: string | undefined,
  work: (stores: Stores) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env, db ? { db } : {});
  const stores = await createStore(config.db);
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}
