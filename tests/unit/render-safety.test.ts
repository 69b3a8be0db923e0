import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/model/answer.ts';
import type { Briefing, BriefSource } from '../../src/model/briefing.ts';
import { LIMITS } from '../../src/model/limits.ts';
import type { Reply } from '../../src/model/reply.ts';
import { renderAnswer } from '../../src/render/answer.ts';
import { type DiscordMessage, renderDiscord } from '../../src/render/discord.ts';
import {
  MAX_MESSAGES_PER_REPLY as DISCORD_MAX,
  embedLength,
} from '../../src/render/discord-embeds.ts';
import { DISCORD_LIMITS as D } from '../../src/render/discord-text.ts';
import { field } from '../../src/render/fields.ts';
import { renderJson } from '../../src/render/json.ts';
import { linkableUrl, MAX_LINK_CHARS } from '../../src/render/links.ts';
import {
  MESSAGE_TEXT,
  renderSlack,
  SLACK_LIMITS as S,
  MAX_MESSAGES_PER_REPLY as SLACK_MAX,
  type SlackBlock,
  type SlackMessage,
} from '../../src/render/slack.ts';
import { renderBriefing } from '../../src/render/text.ts';

/**
 * Issue #13: one hostile article must not flood a channel, forge a link, reveal a server path,
 * format itself in Slack, or control the terminal that prints it.
 */

const TOKEN = 'x'.repeat(100_000);
const BAD_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<b>hi</b>',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  '//portline.example/relative',
  'https://',
];
function source(n: number, over: Partial<BriefSource> = {}): BriefSource {
  return {
    n,
    articleId: n,
    title: `Portline ferry report ${n}`,
    source: 'Marrowby Courier',
    url: `https://portline.example/ferry/${n}`,
    origin: `/home/mara/articles/portline-${n}.txt`,
    publishedAt: '2026-03-02T08:00:00.000Z',
    ...over,
  };
}

function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    id: 3,
    topic: 'portline-ferry',
    title: 'Portline Ferry',
    generatedAt: '2026-03-03T09:00:00.000Z',
    window: { since: null, until: '2026-03-03T09:00:00.000Z', label: '7d', fallback: false },
    summary: [{ text: 'Mara Quist said the ferry will close.', articleId: 1, source: 1, story: 1 }],
    quotes: [
      {
        text: 'We close on Monday',
        speaker: 'Mara Quist',
        role: null,
        articleId: 1,
        source: 1,
        sources: [1],
      },
    ],
    actors: [{ name: 'Mara Quist', type: 'person', role: null, aliases: [], articles: 1 }],
    stories: [
      {
        n: 1,
        title: 'Ferry',
        sources: [1],
        articleIds: [1],
        firstSeen: '2026-03-02',
        isNew: false,
        outlets: [],
        update: null,
      },
    ],
    sources: [source(1)],
    notes: [],
    ...over,
  };
}

/** Every field as large as one article could make it. */
function flood(token = TOKEN): Briefing {
  const n = Array.from({ length: 50 }, (_, i) => i + 1);
  return briefing({
    title: `Portline ${token}`,
    notes: [`Note ${token}`],
    summary: n.slice(0, 5).map((i) => ({
      text: `Mara Quist said the Portline ferry ${token} will close.`,
      articleId: i,
      source: i,
      story: i,
    })),
    quotes: n.slice(0, 3).map((i) => ({
      text: `The ferry ${token} stays shut`,
      speaker: `Mara ${token}`,
      role: `harbour master ${token}`,
      articleId: i,
      source: i,
      sources: [i],
    })),
    actors: n.slice(0, 8).map(() => ({
      name: `Portline ${token}`,
      type: 'organization' as const,
      role: token,
      aliases: Array.from({ length: 50 }, () => token),
      articles: 1,
    })),
    stories: n.slice(0, 12).map((i) => ({
      n: i,
      title: `Ferry ${token}`,
      sources: [i, i + 1],
      articleIds: [i],
      firstSeen: '2026-03-02',
      isNew: true,
      outlets: [],
      update: null,
    })),
    sources: n.map((i) =>
      source(i, {
        title: `Portline ${token}`,
        source: `Courier ${token}`,
        url: `https://portline.example/${token}`,
      }),
    ),
  });
}

function answer(over: Partial<Answer> = {}): Answer {
  return {
    question: 'When does the ferry close?',
    found: true,
    answer: 'Mara Quist said the ferry will close on Monday.',
    scope: 'briefing',
    citations: [
      {
        articleId: 1,
        title: 'Portline ferry to close',
        sentence: 'Mara Quist said the ferry will close on Monday.',
        source: 'Marrowby Courier',
        url: 'https://portline.example/ferry/1',
        origin: '/home/mara/articles/portline-1.txt',
        publishedAt: null,
      },
    ],
    ...over,
  };
}

function expectDiscordWithinLimits(messages: DiscordMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(DISCORD_MAX);
  for (const m of messages) {
    expect((m.content ?? '').length).toBeLessThanOrEqual(D.content);
    expect(m.embeds.length).toBeLessThanOrEqual(D.embedsPerMessage);
    expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(D.embedsTotal);
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(D.embedTitle);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(D.embedDescription);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(D.footer);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(D.embedFields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(D.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(D.fieldValue);
      }
    }
  }
}

const slackTexts = (b: SlackBlock): string[] =>
  b.type === 'divider' ? [] : b.type === 'context' ? b.elements.map((e) => e.text) : [b.text.text];

function expectSlackWithinLimits(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.length).toBeLessThanOrEqual(SLACK_MAX);
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(S.blocks);
    expect(m.text.length).toBeLessThanOrEqual(S.fallbackText);
    expect(m.blocks.flatMap(slackTexts).join('').length).toBeLessThanOrEqual(MESSAGE_TEXT);
    for (const b of m.blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(S.headerText);
      if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(S.contextElements);
      for (const t of slackTexts(b)) expect(t.length).toBeLessThanOrEqual(S.sectionText);
    }
  }
}

const digestOf = (b: Briefing): Reply => ({
  kind: 'digest',
  digest: {
    key: '4@2026-03-03T08:00Z',
    slotLabel: 'Tue 3 Mar',
    late: false,
    topicTitle: 'Ferry',
    briefing: b,
  },
});

describe('one article cannot flood a channel', () => {
  const replies: Array<[string, Reply]> = [
    ['briefing', { kind: 'briefing', briefing: flood() }],
    ['digest', digestOf(flood())],
    [
      'answer',
      {
        kind: 'answer',
        answer: answer({
          question: `When ${TOKEN}?`,
          answer: `The ferry ${TOKEN}`,
          citations: Array.from({ length: 20 }, () => ({
            ...answer().citations[0]!,
            title: TOKEN,
            sentence: TOKEN,
            source: TOKEN,
          })),
        }),
      },
    ],
    [
      'text',
      { kind: 'text', text: `${'A line that goes on.\n'.repeat(5000)}${TOKEN}`, ephemeral: false },
    ],
  ];

  for (const [kind, reply] of replies) {
    it(`a hostile ${kind} fits ${DISCORD_MAX} Discord and ${SLACK_MAX} Slack messages, within every limit`, () => {
      expectDiscordWithinLimits(renderDiscord(reply, { footer: 'Ask in the thread' }));
      expectSlackWithinLimits(renderSlack(reply));
    });
  }

  it('says at the end of a shortened reply how much it left out, and keeps a digest’s ref last', () => {
    const discord = renderDiscord(digestOf(flood()), { footer: 'Ask in the thread' });
    const last = discord.at(-1)?.embeds.at(-1);
    expect(last?.description).toMatch(/^… \(shortened: \d+ more lines\)$/);
    expect(last?.footer?.text).toBe('Ask in the thread · ref 4@2026-03-03T08:00Z');
    const slack = renderSlack(
      digestOf(
        briefing({
          sources: Array.from({ length: 400 }, (_, i) => source(i + 1)),
          quotes: Array.from({ length: 200 }, (_, i) => ({
            ...briefing().quotes[0]!,
            text: `Quote ${i}`,
          })),
        }),
      ),
    );
    expect(slack).toHaveLength(SLACK_MAX);
    const blocks = slack.at(-1)?.blocks ?? [];
    expect(slackTexts(blocks.at(-2)!)[0]).toMatch(/^… \(shortened: \d+ more lines\)$/);
    expect(slackTexts(blocks.at(-1)!)).toEqual(['ref 4@2026-03-03T08:00Z']);
  });

  it('shows each field on one line within its cap, cut at a word with …, long tokens broken', () => {
    const words = field(`Mara Quist ${'said more '.repeat(200)}`, 100);
    expect(words.length).toBeLessThanOrEqual(100);
    expect(words).toMatch(/^Mara Quist (said more )*said( more)?…$/);
    const token = field(`Portline ${'x'.repeat(150)} ferry`, LIMITS.summarySentenceChars);
    expect(token.replace(/\u200b/g, '')).toBe(`Portline ${'x'.repeat(150)} ferry`);
    expect(token).not.toMatch(new RegExp(`[^\\s\\u200b]{${LIMITS.tokenChars + 1}}`));
    for (const style of ['text', 'markdown'] as const) {
      const lines = renderBriefing(flood(), style).split('\n');
      for (const line of lines) expect(line.length).toBeLessThan(1000);
    }
  });

  it('renders a 5 MB token quickly', { timeout: 30_000 }, () => {
    const b = flood('y'.repeat(5 * 1024 * 1024));
    const started = Date.now();
    expectDiscordWithinLimits(renderDiscord({ kind: 'briefing', briefing: b }));
    expectSlackWithinLimits(renderSlack({ kind: 'briefing', briefing: b }));
    renderBriefing(b, 'markdown');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('only http(s) URLs become links', () => {
  it('linkableUrl normalises http(s) and refuses everything else', () => {
    expect(linkableUrl('HTTPS://Portline.Example/a b')).toBe('https://portline.example/a%20b');
    expect(linkableUrl('http://portline.example')).toBe('http://portline.example/');
    for (const url of BAD_URLS) expect(linkableUrl(url)).toBeNull();
    expect(linkableUrl(`https://portline.example/${'a'.repeat(MAX_LINK_CHARS)}`)).toBeNull();
  });

  for (const url of BAD_URLS) {
    it(`shows "${url.trim()}" as no link in Markdown, text, Discord and Slack`, () => {
      const b = briefing({ sources: [source(1, { url, title: 'Portline ferry' })] });
      const a = answer({ citations: [{ ...answer().citations[0]!, url }] });
      const md = renderBriefing(b, 'markdown');
      expect(md).toContain('[1] Portline ferry — Marrowby Courier');
      expect(md).not.toContain('](');
      expect(renderBriefing(b, 'text')).not.toContain(url.trim());
      expect(renderAnswer(a)).not.toContain(url.trim());
      const discord = JSON.stringify([
        renderDiscord({ kind: 'briefing', briefing: b }),
        renderDiscord({ kind: 'answer', answer: a }),
      ]);
      expect(discord).not.toContain('](');
      const slack = JSON.stringify([
        renderSlack({ kind: 'briefing', briefing: b }),
        renderSlack({ kind: 'answer', answer: a }),
      ]);
      expect(slack).not.toMatch(/<[^<>|]*\|/);
    });
  }

  it('still links http(s) URLs everywhere', () => {
    const b = briefing({ sources: [source(1, { url: 'https://portline.example/ferry_(1)' })] });
    expect(renderBriefing(b, 'markdown')).toContain('](https://portline.example/ferry_%281%29)');
    expect(JSON.stringify(renderDiscord({ kind: 'briefing', briefing: b }))).toContain(
      '](https://portline.example/ferry_%281%29)',
    );
    expect(JSON.stringify(renderSlack({ kind: 'briefing', briefing: b }))).toContain(
      '<https://portline.example/ferry_(1)|',
    );
  });

  it('escapes link syntax in Markdown article text, so a title cannot forge a link', () => {
    const b = briefing({
      title: 'Ferry',
      summary: [
        {
          ...briefing().summary[0]!,
          text: 'See [the notice](javascript:alert(1)) and <javascript:alert(2)>',
        },
      ],
    });
    const md = renderBriefing(b, 'markdown');
    expect(md).toContain('See \\[the notice\\](javascript:alert(1)) and \\<javascript:alert(2)\\>');
  });
});

describe('no server path reaches a chat', () => {
  const fileOnly = briefing({ sources: [source(1, { url: null, title: 'Portline ferry' })] });

  it('names an article without a link by its title and outlet only, on Slack and Discord', () => {
    for (const m of renderSlack({ kind: 'briefing', briefing: fileOnly }))
      expect(m.text).not.toContain('/');
    for (const m of renderSlack(digestOf(fileOnly))) expect(m.text).not.toContain('/');
    const answerWithFile = answer({ citations: [{ ...answer().citations[0]!, url: null }] });
    const payloads = JSON.stringify([
      renderSlack({ kind: 'briefing', briefing: fileOnly }),
      renderSlack({ kind: 'answer', answer: answerWithFile }),
      renderDiscord({ kind: 'briefing', briefing: fileOnly }),
      renderDiscord({ kind: 'answer', answer: answerWithFile }),
      renderBriefing(fileOnly, 'text', { origins: false }),
      renderAnswer(answerWithFile, true, { origins: false }),
    ]);
    expect(payloads).not.toContain('/home/mara');
    // The CLI's own user still sees which file it was.
    expect(renderBriefing(fileOnly, 'text')).toContain('(/home/mara/articles/portline-1.txt)');
  });
});

describe('Slack shows article formatting characters as written', () => {
  it('leaves no *bold*, _italic_, ~strike~ or code from an article, in blocks or fallback', () => {
    const marked = 'Mara said *bold* _italic_ ~strike~ `code` and ```fence```';
    const b = briefing({
      summary: [{ ...briefing().summary[0]!, text: marked }],
      quotes: [{ ...briefing().quotes[0]!, text: marked, speaker: '*Mara*' }],
      actors: [{ ...briefing().actors[0]!, name: '_Mara_' }],
      sources: [source(1, { title: '~Portline~ `ferry`' })],
    });
    const [m] = renderSlack({ kind: 'briefing', briefing: b });
    const shown = [...(m?.blocks ?? []).flatMap(slackTexts), m?.text ?? ''].join('\n');
    for (const marker of ['*bold*', '_italic_', '~strike~', '`', '*Mara*', '_Mara_', '~Portline~'])
      expect(shown).not.toContain(marker);
    expect(shown).toContain('Mara said ∗bold∗ ˍitalicˍ ∼strike∼ ˋcodeˋ and ˋˋˋfenceˋˋˋ');
    // Our own formatting stays.
    expect(shown).toContain('*Summary*');
    expect(shown).toContain('*∗Mara∗*');
  });
});

describe('JSON output stays data', () => {
  it('passes article text through verbatim, with no raw control a terminal could act on', () => {
    // C0 controls are escaped by JSON.stringify, DEL, C1 and bidirectional ones by jsonText.
    const title = `Portline \u001b[2J\u009b31m \u202eyrref`;
    const json = renderJson(briefing({ title }));
    expect(JSON.parse(json).title).toBe(title);
    for (const c of ['\u001b', '\u009b', '\u202e']) expect(json).not.toContain(c);
  });
});
