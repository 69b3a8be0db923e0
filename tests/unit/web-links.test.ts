import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/model/briefing.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { renderSlack } from '../../src/render/slack.ts';
import { renderBriefing } from '../../src/render/text.ts';
import { createLinkSigner } from '../../src/web/links.ts';

/** Signed page links, and the "Full briefing" link every format shows when a briefing has a page. */

const URL_ = 'https://pages.example.test/b/b4.abcdefghijklmnopqrstuv';

function briefing(url?: string): Briefing {
  return {
    id: 4,
    topic: 'ferry-fares',
    title: 'Ferry fares',
    generatedAt: '2026-05-02T08:00:00.000Z',
    window: { since: null, until: '2026-05-02T08:00:00.000Z', label: '7d', fallback: false },
    summary: [
      { text: 'Fares on the Senna crossing are frozen.', articleId: 1, source: 1, story: 1 },
    ],
    quotes: [],
    actors: [],
    stories: [
      {
        n: 1,
        title: 'Fares frozen',
        sources: [1],
        articleIds: [1],
        firstSeen: '2026-05-01T00:00:00.000Z',
        isNew: true,
        outlets: [],
        update: null,
      },
    ],
    sources: [
      {
        n: 1,
        articleId: 1,
        title: 'Fares frozen',
        source: 'Quay Post',
        url: null,
        origin: 'x.txt',
        publishedAt: '2026-05-01T00:00:00.000Z',
      },
    ],
    notes: [],
    ...(url ? { url } : {}),
  } as Briefing;
}

describe('page links', () => {
  const signer = createLinkSigner('a-secret-of-enough-length');

  it('opens what it signed, and nothing altered, unsigned or signed with another secret', () => {
    const token = signer.token({ kind: 'b', id: 12 });
    expect(signer.open(token)).toEqual({ kind: 'b', id: 12 });
    expect(signer.open(token.replace('b12', 'b13'))).toBeNull();
    expect(signer.open(token.replace(/^b/, 'a'))).toBeNull();
    expect(signer.open('b12')).toBeNull();
    expect(createLinkSigner('another-secret-of-length').open(token)).toBeNull();
  });

  it('every format shows the full briefing link when there is one, and none otherwise', () => {
    const all = (b: Briefing): string[] => [
      renderBriefing(b, 'text'),
      renderBriefing(b, 'markdown'),
      JSON.stringify(renderDiscord({ kind: 'briefing', briefing: b })),
      JSON.stringify(renderSlack({ kind: 'briefing', briefing: b })),
    ];
    for (const shown of all(briefing(URL_))) expect(shown).toContain(URL_);
    for (const shown of all(briefing())) expect(shown).not.toContain('Full briefing');
  });
});
