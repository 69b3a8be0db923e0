import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/model/answer.ts';
import type { Briefing } from '../../src/model/briefing.ts';
import { type DiscordMessage, renderDiscord } from '../../src/render/discord.ts';
import { embedLength, MAX_MESSAGES_PER_REPLY } from '../../src/render/discord-embeds.ts';
import {
  escapeMarkdown,
  DISCORD_LIMITS as L,
  neutraliseMentions,
  splitText,
  truncateWords,
} from '../../src/render/discord-text.ts';

/** Discord rendering: every limit, splits only between words and in order, nothing that pings. */

const words = (n: number, stem = 'word'): string =>
  Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ');

function briefing(overrides: Partial<Briefing> = {}): Briefing {
  return {
    id: 7,
    topic: 'tidal-mill',
    title: 'Tidal mills and the harbour',
    generatedAt: '2026-11-25T09:00:00.000Z',
    window: { since: null, until: '2026-11-25T09:00:00.000Z', label: '7d', fallback: false },
    summary: [
      { text: 'Harbour Watch says Quillon tried ten times.', articleId: 1, source: 1, story: 1 },
    ],
    quotes: [
      {
        text: 'At its best, this mill grinds for the whole valley',
        speaker: 'Wenna Pryce',
        role: 'Chair of Harbour Watch',
        articleId: 1,
        source: 1,
        sources: [1],
      },
    ],
    actors: [
      {
        name: 'Wenna Pryce',
        type: 'person',
        role: 'Chair of Harbour Watch',
        aliases: [],
        articles: 1,
      },
    ],
    stories: [
      {
        n: 1,
        title: 'Harbour Watch speech',
        sources: [1],
        articleIds: [1],
        firstSeen: '2022-11-17',
        isNew: false,
        outlets: [],
        update: null,
      },
    ],
    sources: [
      {
        n: 1,
        articleId: 1,
        title: 'Quillon saved its mill (report)',
        source: 'Reuters',
        url: 'https://example.com/a_(1)',
        origin: 'https://example.com/a_(1)',
        publishedAt: '2022-11-17T18:33:00.000Z',
      },
    ],
    notes: [],
    ...overrides,
  };
}

/** Every limit Discord enforces on a message, checked. */
function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const m of messages) {
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect((m.content ?? '').length).toBeLessThanOrEqual(L.content);
    expect(m.embeds.length).toBeLessThanOrEqual(L.embedsPerMessage);
    expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(L.embedsTotal);
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(L.embedTitle);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(L.embedDescription);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(L.footer);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(L.embedFields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(L.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(L.fieldValue);
      }
    }
  }
}

/** The visible text of messages, in order. */
const allText = (messages: DiscordMessage[]): string =>
  messages
    .flatMap((m) => [
      m.content ?? '',
      ...m.embeds.flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ])
    .join('\n');

describe('Discord text rules', () => {
  it('neutralises every mention form and leaves other text alone', () => {
    const out = neutraliseMentions('@everyone @here <@123> <@!456> <@&789> <#42> mail@example.com');
    expect(out).not.toMatch(/@everyone|@here|<@!?\d+>|<@&\d+>/);
    expect(out).toContain('<#42>');
    expect(out).toContain('mail@example.com');
  });

  it('escapes markdown in article text', () => {
    expect(escapeMarkdown('a *b* _c_ ~d~ `e` |f| [g]')).toBe(
      'a \\*b\\* \\_c\\_ \\~d\\~ \\`e\\` \\|f\\| \\[g\\]',
    );
    expect(escapeMarkdown('> quoted\n# heading')).toBe('\\> quoted\n\\# heading');
  });

  it('splits at line breaks, then spaces, in order, never inside a word', () => {
    const text = words(900);
    const pieces = splitText(text, 100);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(100);
    expect(pieces.join(' ')).toBe(text);
    expect(splitText('line one\nline two is longer', 20)).toEqual([
      'line one',
      'line two is longer',
    ]);
  });

  it('cuts a single over-long word only as a last resort, never through a surrogate pair', () => {
    const pieces = splitText(`${'😀'.repeat(30)} end`, 25);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(25);
      expect(p).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(pieces.join(' ').replace(/\s/g, '')).toBe(`${'😀'.repeat(30)}end`);
  });

  it('truncates at a word boundary with an ellipsis', () => {
    const t = truncateWords(words(100), 50);
    expect(t.length).toBeLessThanOrEqual(50);
    expect(t.endsWith('…')).toBe(true);
    expect(words(100).startsWith(t.slice(0, -1))).toBe(true);
  });
});

describe('Discord rendering', () => {
  it('renders a briefing as embeds: summary, key quotes with speaker and role, actors, linked sources', () => {
    const [m, ...more] = renderDiscord(
      { kind: 'briefing', briefing: briefing() },
      { footer: 'Ask in the thread' },
    );
    expect(more).toHaveLength(0);
    const titles = m?.embeds.map((e) => e.title);
    expect(titles).toEqual([
      'Briefing: Tidal mills and the harbour',
      'Key quotes',
      'Actors',
      'Sources',
    ]);
    const quote = m?.embeds[1]?.fields?.[0];
    expect(quote?.name).toBe('Wenna Pryce, Chair of Harbour Watch');
    expect(quote?.value).toBe('“At its best, this mill grinds for the whole valley” [1]');
    expect(m?.embeds[3]?.description).toBe(
      '[1] [Quillon saved its mill (report)](https://example.com/a_%281%29) — Reuters, 2022-11-17',
    );
    expect(m?.embeds.at(-1)?.footer?.text).toBe('Ask in the thread');
  });

  it('keeps a long briefing within every limit and the message cap, in order, saying what it left out', () => {
    const long = briefing({
      summary: Array.from({ length: 12 }, (_, i) => ({
        text: words(120, `s${i}x`),
        articleId: i,
        source: i + 1,
        story: 1,
      })),
      quotes: Array.from({ length: 30 }, (_, i) => ({
        text: words(400, `q${i}x`),
        speaker: `Speaker ${i} ${'Name'.repeat(80)}`,
        role: 'Minister',
        articleId: i,
        source: i + 1,
        sources: [i + 1],
      })),
      sources: Array.from({ length: 80 }, (_, i) => ({
        n: i + 1,
        articleId: i,
        title: words(30, `t${i}x`),
        source: 'Wire',
        url: `https://example.com/${i}`,
        origin: 'x',
        publishedAt: null,
      })),
    });
    const messages = renderDiscord({ kind: 'briefing', briefing: long });
    expect(messages).toHaveLength(MAX_MESSAGES_PER_REPLY);
    expectWithinLimits(messages);
    const text = allText(messages);
    // Each quote shown is the start of its words, whole words in order, cut with "…".
    const shownQuotes = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
    expect(shownQuotes.length).toBeGreaterThan(0);
    shownQuotes.forEach((f, i) => {
      const found = f.value.match(new RegExp(`\\bq${i}x\\d+\\b`, 'g')) ?? [];
      expect(found.length).toBeGreaterThan(10);
      expect(found).toEqual(words(400, `q${i}x`).split(' ').slice(0, found.length));
      expect(f.value).toMatch(/…” \[\d+\]$/);
      expect(f.value.length).toBeLessThan(700);
    });
    const order = ['Briefing:', 'Key quotes'].map((t) => text.indexOf(t));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The last line says it was shortened, by exactly the lines not shown: the heading line,
    // 12 summary lines, 30 quotes, 1 actor, 80 sources.
    const note = messages.at(-1)?.embeds.at(-1);
    const reported = Number(
      /^… \(shortened: (\d+) more lines\)$/.exec(note?.description ?? '')?.[1],
    );
    const shownLines = messages
      .flatMap((m) => m.embeds)
      .filter((e) => e !== note)
      .reduce(
        (n, e) =>
          n +
          (e.description ?? '').split('\n').filter((l) => l.trim()).length +
          (e.fields?.length ?? 0),
        0,
      );
    expect(reported).toBeGreaterThan(0);
    expect(shownLines + reported).toBe(1 + 12 + 30 + 1 + 80);
  });

  it('makes article text inert: no mention survives, markdown is literal', () => {
    const b = briefing({
      title: 'Ping @here',
      quotes: [
        {
          text: '@everyone look at <@123> and <@&5>',
          speaker: 'A *B*',
          role: null,
          articleId: 1,
          source: 1,
          sources: [1],
        },
      ],
    });
    const text = allText(renderDiscord({ kind: 'briefing', briefing: b }));
    expect(text).not.toMatch(/@everyone|@here|<@\d+>|<@&\d+>/);
    expect(text).toContain('A \\*B\\*');
  });

  it('renders an answer with its citations', () => {
    const answer: Answer = {
      question: 'Who leads Harbour Watch?',
      found: true,
      answer: 'Its Chair, Wenna Pryce, said so.',
      scope: 'briefing',
      citations: [
        {
          articleId: 1,
          title: 'Harbour Watch speech',
          sentence: 'Its Chair, Wenna Pryce, said so.',
          source: 'Reuters',
          url: 'https://example.com/mi5',
          origin: 'https://example.com/mi5',
          publishedAt: '2022-11-17T00:00:00Z',
        },
      ],
    };
    const [m] = renderDiscord({ kind: 'answer', answer });
    expect(m?.embeds.map((e) => e.title)).toEqual(['Q: Who leads Harbour Watch?', 'Cited']);
    expect(m?.embeds[1]?.description).toContain(
      '[Harbour Watch speech](https://example.com/mi5) — Reuters, 2022-11-17',
    );
    const none = renderDiscord({
      kind: 'answer',
      answer: { ...answer, found: false, citations: [] },
    });
    expect(none[0]?.embeds).toHaveLength(1);
  });

  it('splits long text into messages of at most 2000 characters, in order', () => {
    const text = words(500);
    const messages = renderDiscord({ kind: 'text', text, ephemeral: false });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    expect(messages.map((m) => m.content).join(' ')).toBe(text);
  });

  it('caps long text at the message cap, the last message saying how many lines it left out', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i}: ${words(10, `w${i}x`)}`);
    const messages = renderDiscord({ kind: 'text', text: lines.join('\n'), ephemeral: false });
    expect(messages).toHaveLength(MAX_MESSAGES_PER_REPLY);
    expectWithinLimits(messages);
    const shown = messages
      .map((m) => m.content ?? '')
      .join('\n')
      .split('\n');
    const note = shown.pop() ?? '';
    expect(shown).toEqual(lines.slice(0, shown.length));
    expect(note).toBe(`… (shortened: ${lines.length - shown.length} more lines)`);
  });

  it('renders a digest long enough for several messages with its ref in the first and last, within limits', () => {
    const quotes = Array.from({ length: 30 }, (_, i) => ({
      text: words(400, `q${i}x`),
      speaker: `Speaker ${i}`,
      role: null,
      articleId: i,
      source: 1,
      sources: [1],
    }));
    const messages = renderDiscord(
      {
        kind: 'digest',
        digest: {
          key: '12@2026-03-29T07:00Z',
          slotLabel: 'Sun 29 Mar 2026, 08:00 (America/Port_of_Spain)',
          late: false,
          topicTitle: 'Quillon',
          briefing: briefing({ quotes }),
        },
      },
      { footer: 'Ask in the thread' },
    );
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    // Markdown in the slot label is literal.
    expect(messages[0]?.content).toBe(
      '**Digest** · Sun 29 Mar 2026, 08:00 (America/Port\\_of\\_Spain)',
    );
    expect(messages[0]?.embeds.at(-1)?.footer?.text).toBe('ref 12@2026-03-29T07:00Z');
    expect(messages.at(-1)?.embeds.at(-1)?.footer?.text).toBe(
      'Ask in the thread · ref 12@2026-03-29T07:00Z',
    );
    for (const m of messages.slice(1)) expect(m.content).toBeUndefined();
  });
});
