import { loadConfig } from '../config.ts';
import { parseInput } from '../ingest/parse.ts';
import { readInputText } from '../ingest/read-input.ts';
import { expandInputs } from '../ingest/sources.ts';
import type { ParsedArticle } from '../model/article.ts';
import { BriefwireError, reasonOf } from '../model/errors.ts';
import { analyzeText } from '../nlp/analyze.ts';
import { type CliIO, EXIT, errorLine, type Subcommand } from './io.ts';
import { parseOptions } from './options.ts';

/** Summary sentences listed per article, best first. */
const SUMMARY_SENTENCES = 5;

export function analysisRecord(file: string, article: ParsedArticle): object {
  const a = analyzeText(article.title, article.text);
  return {
    file,
    title: article.title,
    text: article.text,
    sentences: a.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end })),
    mentions: a.mentions.map((m) => ({ text: m.text, type: m.type, start: m.start, end: m.end })),
    actors: a.actors.map((x) => ({ name: x.name, type: x.type, role: x.role, aliases: x.aliases })),
    quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, start: q.start, end: q.end })),
    summary: a.summary.slice(0, SUMMARY_SENTENCES).map((i) => a.sentences[i]!.text),
  };
}

export const analyze: Subcommand = {
  name: 'analyze',
  summary: 'print the analysis of files as JSON lines (stores nothing)',
  usage: 'briefwire analyze <file|dir>… [--jsonl]',
  async run(argv: string[], io: CliIO): Promise<number> {
    const parsed = parseOptions('analyze', argv, { jsonl: { type: 'boolean' } });
    if (!parsed.positionals.length) throw new BriefwireError('USAGE', `usage: ${this.usage}`, '');
    const { maxFileBytes: maxBytes } = loadConfig(io.env);
    const { entries } = await expandInputs(parsed.positionals);
    let failures = 0;
    const fail = (file: string, e: unknown): void => {
      failures++;
      const code = e instanceof BriefwireError ? e.code : 'INPUT_UNREADABLE';
      io.stdout.write(`${JSON.stringify({ file, error: { code, message: reasonOf(e) } })}\n`);
      io.stderr.write(errorLine('analyze', reasonOf(e), code));
    };
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
          const file = record.index === null ? entry.path : `${entry.path}#${record.index}`;
          io.stdout.write(`${JSON.stringify(analysisRecord(file, record.article))}\n`);
        }
      } catch (e) {
        fail(entry.path, e);
      }
    }
    return failures ? EXIT.failed : EXIT.ok;
  },
};
