import { readFile } from 'node:fs/promises';
import { parseInput } from '../ingest/parse.ts';
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
        const { articles, problems } = parseInput(entry.path, await readFile(entry.path, 'utf8'));
        for (const p of problems) io.stderr.write(errorLine('analyze', p.message, p.code));
        articles.forEach((article, i) => {
          const file = articles.length > 1 ? `${entry.path}#${i + 1}` : entry.path;
          io.stdout.write(`${JSON.stringify(analysisRecord(file, article))}\n`);
        });
      } catch (e) {
        fail(entry.path, e);
      }
    }
    return failures ? EXIT.failed : EXIT.ok;
  },
};
