import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/model/answer.ts';
import type { Briefing } from '../../src/model/briefing.ts';
import {
  MAX_MESSAGES_PER_REPLY,
  MESSAGE_TEXT,
  renderSlack,
  renderSlackAnswer,
  renderSlackBriefing,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
} from '../../src/render/slack.ts';
import { link, splitText } from '../../src/render/slack-mrkdwn.ts';

/** Block Kit within Slack's limits, split in order, with article text unable to ping anyone. */

const PINGS = ['<!channel>', '<!here>', '<!everyone>', '<@U0VICTIM>', '<!subteam^S1>'];
const HOSTILE = 'Storm <!channel> hits <!here> & <!everyone> say <@U0VICTIM> and <!subteam^S1>';

function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    id: 7,
    topic: 'tidal-mill',
    title: 'Tidal mills and the harbour',
    generatedAt: '2026-11-25T09:00:00.000Z',
    window: { since: null, until: '2026-11-25T09:00:00.000Z', label: '7d', fallback: false },
    summary: [{ text: 'Harbour Watch has seen ten mills.', articleId: 1, source: 1, story: 1 }],
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
        role: 'Chair',
        aliases: ['Pryce'],
        articles: 1,
      },
    ],
    stories: [
      {
        n: 1,
        title: 'Mills',
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
        title: 'Quillon saved its mill, Harbour Watch says',
        source: 'Quay Post',
        url: 'https://example.org/a?x=1&y=2',
        origin: 'seed.txt',
        publishedAt: '2022-11-17T18:33:00.000Z',
      },
    ],
    notes: [],
    ...over,
  };
}

const texts = (blocks: SlackBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === 'section' || b.type === 'header'
      ? [b.text.text]
      : b.type === 'context'
        ? b.elements.map((e) => e.text)
        : [],
  );

function expectWithinLimits(messages: SlackMessage[]): void {
  for (const m of messages) {
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    // Slack refuses a message whose blocks hold much more text (msg_blocks_too_long).
    expect(texts(m.blocks).join('').length).toBeLessThanOrEqual(MESSAGE_TEXT);
    for (const b of m.blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
      if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.type === 'context') {
        expect(b.elements.length).toBeGreaterThan(0);
        expect(b.elements.length).toBeLessThanOrEqual(10);
      }
    }
    for (const t of texts(m.blocks)) expect(t.trim().length).toBeGreaterThan(0);
  }
}

describe('Slack rendering', () => {
  it('lays a briefing out as header, summary, quotes with speaker and role, actors and linked sources', () => {
    const [m, ...rest] = renderSlackBriefing(briefing());
    expect(rest).toEqual([]);
    if (!m) throw new Error('no message');
    expectWithinLimits([m]);
    expect(m.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Briefing: Tidal mills and the harbour', emoji: false },
    });
    const all = texts(m.blocks).join('\n');
    expect(all).toMatch(/\*Summary\*\n• Harbour Watch has seen ten mills\. \[1\]/);
    expect(all).toMatch(
      /> “At its best, this mill grinds for the whole valley”\n— \*Wenna Pryce\*, Chair of Harbour Watch \[1\]/,
    );
    expect(all).toMatch(/• \*Wenna Pryce\* · person — Chair \(also: Pryce\)/);
    expect(all).toMatch(
      /\[1\] <https:\/\/example\.org\/a\?x=1&amp;y=2\|Quillon saved its mill, Harbour Watch says> — Quay Post, 2022-11-17/,
    );
    expect(m.text).toMatch(/^Briefing: Tidal mills and the harbour\n/);
    expect(m.text).toMatch(/Wenna Pryce, Chair of Harbour Watch/);
    for (const b of m.blocks) if (b.type === 'section') expect(b.text.verbatim).toBe(true);
  });

  it('escapes article text everywhere, in blocks and fallback, so it cannot mention anyone', () => {
    const hostile = briefing({
      summary: [{ text: HOSTILE, articleId: 1, source: 1, story: 1 }],
      quotes: [
        {
          text: HOSTILE,
          speaker: '<@U0VICTIM>',
          role: '<!here>',
          articleId: 1,
          source: 1,
          sources: [1],
        },
      ],
      actors: [
        {
          name: '<!channel>',
          type: 'person',
          role: '<!everyone>',
          aliases: ['<@U0VICTIM>'],
          articles: 1,
        },
      ],
      stories: [
        {
          n: 1,
          title: HOSTILE,
          sources: [1],
          articleIds: [1],
          firstSeen: 'x',
          isNew: true,
          outlets: [],
          update: null,
        },
      ],
      sources: [
        {
          n: 1,
          articleId: 1,
          title: HOSTILE,
          source: '<!here>',
          url: 'https://x.test/<!channel>|a',
          origin: 'o',
          publishedAt: null,
        },
      ],
      notes: [HOSTILE],
    });
    const payload = JSON.stringify(renderSlackBriefing(hostile));
    for (const ping of PINGS) expect(payload).not.toContain(ping);
    expect(payload).toContain('Storm &lt;!channel&gt; hits &lt;!here&gt; &amp; &lt;!everyone&gt;');
    // The URL as the URL parser normalises it: angle brackets percent-encoded, `|` too.
    expect(payload).toContain('<https://x.test/%3C!channel%3E%7Ca|Storm');
    const answer: Answer = {
      question: 'q',
      found: true,
      answer: HOSTILE,
      citations: [
        {
          articleId: 1,
          title: HOSTILE,
          sentence: HOSTILE,
          source: null,
          url: null,
          origin: 'o',
          publishedAt: null,
        },
      ],
      scope: 'briefing',
    };
    const text = JSON.stringify([
      renderSlackAnswer(answer),
      renderSlack({ kind: 'text', text: HOSTILE, ephemeral: true }),
    ]);
    for (const ping of PINGS) expect(text).not.toContain(ping);
  });

  it('keeps links to http(s) only and a label free of link syntax', () => {
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link(null, 'a <b> & c')).toBe('a &lt;b&gt; &amp; c');
    expect(link('https://e.test/p|q', 'a|b')).toBe('<https://e.test/p%7Cq|a¦b>');
  });

  it('splits long bodies into 3000-character sections, and past 50 blocks or 10,000 characters into messages, in order', () => {
    const summary = Array.from({ length: 14 }, (_, i) => ({
      text: `Sentence ${i} ${'word '.repeat(80)}`.trim(),
      articleId: 1,
      source: 1,
      story: 1,
    }));
    const sources = Array.from({ length: 30 }, (_, i) => ({
      n: i + 1,
      articleId: i + 1,
      title: `Headline number ${i + 1} ${'and more '.repeat(20)}`,
      source: 'Wire',
      url: `https://example.org/${i + 1}`,
      origin: 'x',
      publishedAt: null,
    }));
    const quotes = Array.from({ length: 60 }, (_, i) => ({
      text: `Quote ${i}`,
      speaker: `Speaker ${i}`,
      role: null,
      articleId: 1,
      source: 1,
      sources: [1],
    }));
    const b = briefing({ summary, sources, quotes });
    const messages = renderSlackBriefing(b);
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const all = texts(messages.flatMap((m) => m.blocks)).join('\n');
    // Every source once, in order, across the messages.
    const order = [...all.matchAll(/^\[(\d+)\] /gm)].map((m) => Number(m[1]));
    expect(order).toEqual(sources.map((s) => s.n));
    const said = [...all.matchAll(/^> “Quote (\d+)”/gm)].map((m) => Number(m[1]));
    expect(said).toEqual(quotes.map((_, i) => i));
    for (const s of summary) expect(all).toContain(`• ${s.text} [1]`);
    expect(all.replace(/\s+/g, ' ')).not.toContain('shortened');
    expect(messages[1]?.text).toMatch(/\(continued, 2 of \d+\)/);
  });

  it('starts a new message before its blocks hold more than 10,000 characters of text', () => {
    const sources = Array.from({ length: 40 }, (_, i) => ({
      n: i + 1,
      articleId: i + 1,
      title: `Headline ${i + 1} ${'and more '.repeat(20)}`,
      source: 'Wire',
      url: `https://example.org/${i + 1}/${'p'.repeat(1500)}`,
      origin: 'x',
      publishedAt: null,
    }));
    const messages = renderSlackBriefing(briefing({ sources }));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES_PER_REPLY);
    expect(messages.every((m) => m.blocks.length < SLACK_LIMITS.blocks)).toBe(true);
    expectWithinLimits(messages);
  });

  it('caps a reply at the message cap, the last block saying how many lines it left out', () => {
    const quotes = Array.from({ length: 200 }, (_, i) => ({
      text: `Quote ${i}`,
      speaker: `Speaker ${i}`,
      role: null,
      articleId: 1,
      source: 1,
      sources: [1],
    }));
    const messages = renderSlackBriefing(briefing({ quotes }));
    expect(messages).toHaveLength(MAX_MESSAGES_PER_REPLY);
    expectWithinLimits(messages);
    const blocks = messages.flatMap((m) => m.blocks);
    const said = [
      ...texts(blocks)
        .join('\n')
        .matchAll(/^> “Quote (\d+)”/gm),
    ].map((m) => Number(m[1]));
    expect(said).toEqual(quotes.slice(0, said.length).map((_, i) => i));
    const note = blocks.at(-1);
    expect(note?.type).toBe('context');
    const reported = Number(
      /^… \(shortened: (\d+) more lines\)$/.exec(texts([note!])[0] ?? '')?.[1],
    );
    // Quotes not shown take two lines each; then the actors (2 lines) and sources (2 lines).
    expect(reported).toBe((quotes.length - said.length) * 2 + 2 + 2);
  });

  it('never cuts an entity or loses text when splitting', () => {
    const text = `${'a'.repeat(2998)}&amp;${'b'.repeat(10)}`;
    const parts = splitText(text, 3000);
    expect(parts.every((p) => p.length <= 3000)).toBe(true);
    expect(parts.join('')).toBe(text);
    expect(parts[1]?.startsWith('&amp;')).toBe(true);
  });

  it('shortens a long header to 150 characters', () => {
    const [m] = renderSlackBriefing(briefing({ title: 'T'.repeat(400) }));
    const header = m?.blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBe(150);
  });

  it('renders an answer with its citation, and says when it came from outside the briefing', () => {
    const found: Answer = {
      question: 'How many?',
      found: true,
      answer: 'Harbour Watch has seen ten mills.',
      citations: [
        {
          articleId: 1,
          title: 'Mills',
          sentence: 'Harbour Watch has seen ten mills.',
          source: 'Quay Post',
          url: 'https://e.test/1',
          origin: 'o',
          publishedAt: '2022-11-17T00:00:00Z',
        },
      ],
      scope: 'store',
    };
    const m = renderSlackAnswer(found);
    expectWithinLimits([m]);
    expect(texts(m.blocks)).toEqual([
      '> Harbour Watch has seen ten mills.',
      'Source: <https://e.test/1|Mills> — Quay Post, 2022-11-17',
      "_Not in this briefing's articles; found elsewhere in the archive._",
    ]);
    expect(m.text).toBe('Harbour Watch has seen ten mills. — Mills');
    const none = renderSlackAnswer({
      ...found,
      found: false,
      answer: 'I could not find that.',
      citations: [],
      scope: 'briefing',
    });
    expect(texts(none.blocks)).toEqual(['I could not find that.']);
  });

  it('renders a digest over several messages: heading first, ref last, within limits', () => {
    const quotes = Array.from({ length: 60 }, (_, i) => ({
      text: `Quote ${i}`,
      speaker: `Speaker ${i}`,
      role: null,
      articleId: 1,
      source: 1,
      sources: [1],
    }));
    const messages = renderSlack({
      kind: 'digest',
      digest: {
        key: '12@2026-03-29T07:00Z',
        slotLabel: 'Sun 29 Mar 2026, 08:00 (Europe/London)',
        late: true,
        topicTitle: 'Quillon',
        briefing: briefing({
          quotes,
          summary: [{ text: HOSTILE, articleId: 1, source: 1, story: 1 }],
        }),
      },
    });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    expect(messages[0]?.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Digest* · Sun 29 Mar 2026, 08:00 (Europe/London) — sent late: the bot was offline when it was due',
        verbatim: true,
      },
    });
    expect(messages.at(-1)?.blocks.at(-1)).toMatchObject({
      type: 'context',
      elements: [{ text: 'ref 12@2026-03-29T07:00Z' }],
    });
    expect(messages[1]?.text).toMatch(/^Digest: .*\(continued, 2 of \d+\)$/);
    const payload = JSON.stringify(messages);
    for (const ping of PINGS) expect(payload).not.toContain(ping);
  });
});
