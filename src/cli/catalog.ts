import type { Subcommand } from './io.ts';

/**
 * Every command by name, with the line `--help` shows for it. A command's module (and what it
 * imports: the NLP models, the platform clients, the database drivers) loads only when that
 * command runs, so `briefwire --help` or `briefwire topics` starts in a fraction of the time.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Subcommand>;
}

export const CATALOG: readonly CommandEntry[] = [
  {
    name: 'demo',
    summary:
      'ingest the bundled fictional sample articles into a temporary store and print a briefing',
    load: async () => (await import('./demo.ts')).demo,
  },
  {
    name: 'ingest',
    summary: 'store articles from files, folders (.txt, .md, .html, .json), pages and feeds (URLs)',
    load: async () => (await import('./ingest.ts')).ingest,
  },
  {
    name: 'feeds',
    summary: 'follow feeds: add, list, remove, import/export OPML, poll',
    load: async () => (await import('./feeds.ts')).feeds,
  },
  {
    name: 'brief',
    summary: 'print the briefing for a topic',
    load: async () => (await import('./brief.ts')).brief,
  },
  {
    name: 'ask',
    summary: 'answer a question from the stored articles, with citations',
    load: async () => (await import('./ask.ts')).ask,
  },
  {
    name: 'chat',
    summary: 'talk to the bot in the terminal: /brief <topic>, then ask questions',
    load: async () => (await import('./chat.ts')).chat,
  },
  {
    name: 'topics',
    summary: 'list defined topics and how many stored articles match each',
    load: async () => (await import('./topics.ts')).topics,
  },
  {
    name: 'subscribe',
    summary: "schedule a topic's digest for a Discord or Slack channel",
    load: async () => (await import('./subscriptions.ts')).subscribe,
  },
  {
    name: 'subscriptions',
    summary: "list digest subscriptions with each one's last delivery and next slot",
    load: async () => (await import('./subscriptions.ts')).subscriptions,
  },
  {
    name: 'unsubscribe',
    summary: 'remove a digest subscription by its number (see briefwire subscriptions)',
    load: async () => (await import('./subscriptions.ts')).unsubscribe,
  },
  {
    name: 'analyze',
    summary: 'print the analysis of files, pages and feeds as JSON lines (stores nothing)',
    load: async () => (await import('./analyze.ts')).analyze,
  },
  {
    name: 'serve',
    summary: 'run the bot on the configured chat platforms (Discord, Slack)',
    load: async () => (await import('./serve.ts')).serve,
  },
  {
    name: 'web',
    summary: 'serve the briefing and article pages (signed links) on their own',
    load: async () => (await import('./web.ts')).web,
  },
  {
    name: 'migrate',
    summary: 'bring the database schema up to date and exit',
    load: async () => (await import('./migrate.ts')).migrate,
  },
  {
    name: 'export',
    summary: 'write every stored fact as a dump (JSON lines) to stdout or a file',
    load: async () => (await import('./archive.ts')).exportDump,
  },
  {
    name: 'import',
    summary: 'read a dump made by `export` into a store, and check it arrived whole',
    load: async () => (await import('./archive.ts')).importDump,
  },
];
