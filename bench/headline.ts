import type { AnswerLatency } from './answer-latency.ts';
import type { CommandAck } from './command-ack.ts';
import type { IngestRate } from './ingest-rate.ts';
import type { ServeMemory } from './serve-memory.ts';

/** Issue #19's keys and their targets: `[comparison, bound]`, or null where only reported. */
export const TARGETS = {
  ingest_articles_per_s: null,
  ingest_vs_compromise: ['>=', 7],
  brief_speedup: ['>=', 25],
  ask_over_fts_p50: ['<=', 1.5],
  ask_over_fts_p99: ['<=', 2],
  cli_start_over_node: ['<=', 5],
  rss_mb: ['<=', 300],
  command_ack_p99_ms: ['<=', 300],
} as const;

export type Headline = Record<keyof typeof TARGETS, number>;

export interface HeadlineParts {
  rate: IngestRate;
  start: { topicsMs: number; nodeMs: number };
  answers: AnswerLatency;
  memory: ServeMemory;
  ack: CommandAck;
  reanalyse: number;
  brief: number;
  answerCount: number;
}

function met(key: keyof typeof TARGETS, value: number): string {
  const target = TARGETS[key];
  if (target === null) return 'reported';
  const [op, bound] = target;
  const ok = op === '>=' ? value >= bound : value <= bound;
  return `${op} ${bound}: ${ok ? 'met' : 'NOT MET'}`;
}

/** The table: each key, its value, what it was measured from, and its target. */
export function printHeadline(h: Headline, p: HeadlineParts): void {
  const rows: Array<[keyof typeof TARGETS, string]> = [
    [
      'ingest_articles_per_s',
      `${p.rate.articles} articles of ${p.rate.meanChars} chars from ${p.rate.source}, ${p.rate.seconds.toFixed(1)} s, ${p.rate.threads} threads, ${p.rate.ran}`,
    ],
    [
      'ingest_vs_compromise',
      `÷ compromise nlp(text).json() alone, one core: ${p.rate.compromisePerSecond.toFixed(1)} articles/s`,
    ],
    [
      'brief_speedup',
      `re-analysing the 50 articles ${p.reanalyse.toFixed(0)} ms ÷ the briefing from the store ${p.brief.toFixed(1)} ms`,
    ],
    [
      'ask_over_fts_p50',
      `answer p50 ${p.answers.p50.toFixed(2)} ms ÷ bare FTS5 bm25 LIMIT 10 p50 ${p.answers.bareFtsP50?.toFixed(2)} ms over ${p.answerCount / 1000}k articles`,
    ],
    [
      'ask_over_fts_p99',
      `answer p99 ${p.answers.p99.toFixed(2)} ms ÷ bare FTS5 p99 ${p.answers.bareFtsP99?.toFixed(2)} ms`,
    ],
    [
      'cli_start_over_node',
      `briefwire topics ${p.start.topicsMs.toFixed(0)} ms ÷ node -e '' ${p.start.nodeMs.toFixed(0)} ms (medians)`,
    ],
    [
      'rss_mb',
      `serve on the ${p.answerCount / 1000}k store after ${p.memory.answers} answers (peak ${p.memory.peakRssMB.toFixed(0)} MB, ${p.memory.seconds.toFixed(1)} s)`,
    ],
    [
      'command_ack_p99_ms',
      `${p.ack.concurrency} at once × ${p.ack.rounds} rounds: Discord p50/p99 ${p.ack.discordP50}/${p.ack.discordP99} ms, Slack ${p.ack.slackP50}/${p.ack.slackP99} ms`,
    ],
  ];
  process.stdout.write('\nissue #19 figures\n');
  for (const [key, how] of rows) {
    const v = h[key];
    process.stdout.write(
      `${key.padEnd(22)} ${v.toFixed(2).padStart(9)}   ${met(key, v).padEnd(18)} ${how}\n`,
    );
  }
}
