import { loadConfig } from '../config.ts';
import { entryArticle, entryItem } from '../ingest/feeds/poll-entry.ts';
import { createFetcher, fetchSettings } from '../ingest/fetch/fetcher.ts';
import type { Fetcher } from '../ingest/fetch/port.ts';
import { parseInput } from '../ingest/parse.ts';
import { readInputText } from '../ingest/read-input.ts';
import { expandInputs } from '../ingest/sources.ts';
import { isUrlInput, readUrl } from '../ingest/url.ts';
import type { ParsedArticle } from '../model/article.ts';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import { analyzeText } from '../nlp/analyze.ts';
import { type CliIO, EXIT, errorLine, type Subcommand } from './io.ts';
import { parseOptions } from './options.ts';

/** Said of an article not in English: why it has no actors or quotes. */
export const ENGLISH_ONLY =
  'not in English: analysis is English-only, so no actors or quotes are given';

/** Summary sentences listed per article, best first. */
const SUMMARY_SENTENCES = 5;

export function analysisRecord(file: string, article: ParsedArticle): object {
  // analyzeText marks an article not in English (and gives it no actors or quotes).
  const a = analyzeText(article.title, article.text);
  return {
    file,
    title: article.title,
    text: article.text,
    ...(a.language ? { language: a.language, note: ENGLISH_ONLY } : {}),
    sentences: a.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end })),
    mentions: a.mentions.map((m) => ({ text: m.text, type: m.type, start: m.start, end: m.end })),
    actors: a.actors.map((x) => ({ name: x.name, type: x.type, role: x.role, aliases: x.aliases })),
    quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, start: q.start, end: q.end })),
    summary: a.summary.slice(0, SUMMARY_SENTENCES).map((i) => a.sentences[i]!.text),
  };
}

export const analyze: Subcommand = {
  name: 'analyze',
  usage: 'briefwire analyze <file|dir|url>… [--jsonl]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('analyze', argv, { jsonl: { type: 'boolean' } });
    if (!parsed.positionals.length) throw new BriefwireError('USAGE', `usage: ${this.usage}`, '');
    const config = loadConfig(io.env);
    const maxBytes = config.maxFileBytes;
    let failures = 0;
    const fail = (file: string, e: unknown): void => {
      failures++;
      const code = e instanceof BriefwireError ? e.code : 'INPUT_UNREADABLE';
      io.stdout.write(`${JSON.stringify({ file, error: { code, message: reasonOf(e) } })}\n`);
      io.stderr.write(errorLine('analyze', reasonOf(e), code));
    };
    const write = (file: string, article: ParsedArticle): void => {
      io.stdout.write(`${JSON.stringify(analysisRecord(file, article))}\n`);
    };
    let fetcher: Fetcher | null = null;
    for (const group of inputGroups(parsed.positionals)) {
      if (typeof group === 'string') {
        fetcher ??= createFetcher(fetchSettings(config.fetchAllow));
        await analyzeUrl(fetcher, group, write, fail);
        continue;
      }
      const { entries } = await expandInputs(group);
      for (const entry of entries) {
        if (entry.kind === 'error') {
          fail(entry.path, entry.error);
          continue;
        }
        try {
          // Read as ingest reads: the same size limit, decoding and not-text check.
          const { text } = await readInputText(entry.path, entry.format, { maxBytes });
          for (const record of parseInput(entry.path, text).records) {
            if ('problem' in record) {
              io.stderr.write(errorLine('analyze', record.problem.message, record.problem.code));
              continue;
            }
            // Records are numbered by their index in the file, as ingest numbers them.
            write(
              record.index === null ? entry.path : `${entry.path}#${record.index}`,
              record.article,
            );
          }
        } catch (e) {
          fail(entry.path, e);
        }
      }
    }
    return failures ? EXIT.failed : EXIT.ok;
  },
};

/** A page's record, or one record per entry of a feed (named by its link), as ingest reads them. */
async function analyzeUrl(
  fetcher: Fetcher,
  url: string,
  write: (file: string, article: ParsedArticle) => void,
  fail: (file: string, e: unknown) => void,
): Promise<void> {
  let content: Awaited<ReturnType<typeof readUrl>>;
  try {
    content = await readUrl(fetcher, url);
  } catch (e) {
    fail(url, e);
    return;
  }
  if (content.kind === 'page') {
    write(url, content.article);
    return;
  }
  const source = { url, title: content.feed.title };
  for (const entry of content.feed.entries) {
    const item = entryItem(url, entry);
    try {
      write(item, (await entryArticle(fetcher, source, entry)).article);
    } catch (e) {
      fail(item, e);
    }
  }
}

/** Inputs in order: each URL on its own, each run of paths together (so a file named twice is read once). */
function inputGroups(inputs: readonly string[]): Array<string | string[]> {
  const groups: Array<string | string[]> = [];
  for (const input of inputs) {
    const last = groups[groups.length - 1];
    if (isUrlInput(input)) groups.push(input.trim());
    else if (Array.isArray(last)) last.push(input);
    else groups.push([input]);
  }
  return groups;
}
