import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../src/model/briefing.ts';
import { renderDiscord } from '../../src/render/discord.ts';
import { renderSlackBriefing } from '../../src/render/slack.ts';
import { renderBriefing } from '../../src/render/text.ts';
import { briefing } from '../helpers/digests.ts';

/** A story several outlets reported, and one updated since the reader's last briefing. */
function twoStories(): Briefing {
  const b = briefing('The reservoir gate at Velmar failed overnight.');
  const at = b.generatedAt;
  const source = (n: number, outlet: string) => ({
    n,
    articleId: n,
    title: `Report ${n}`,
    source: outlet,
    url: `https://example.com/${n}`,
    origin: `https://example.com/${n}`,
    publishedAt: at,
  });
  b.sources = [
    source(1, 'Velmar Courier'),
    source(2, 'Northern Ledger'),
    source(3, 'Valley <!here> Radio'),
    source(4, 'Velmar Courier'),
  ];
  b.stories = [
    {
      n: 1,
      title: 'Floodgate fails at Velmar reservoir',
      sources: [1, 2, 3],
      articleIds: [1, 2, 3],
      firstSeen: at,
      isNew: false,
      outlets: ['Velmar Courier', 'Northern Ledger', 'Valley <!here> Radio'],
      update: ['Petra @everyone Lund'],
    },
    {
      n: 2,
      title: 'Ostrand library reopens',
      sources: [4],
      articleIds: [4],
      firstSeen: at,
      isNew: true,
      outlets: ['Velmar Courier'],
      update: null,
    },
  ];
  b.quotes = [
    {
      text: 'We will rebuild every gate before the spring rains',
      speaker: 'Karl Dunmore',
      role: null,
      articleId: 1,
      source: 1,
      sources: [1, 3],
    },
  ];
  return b;
}

describe('stories of several outlets, in every format', () => {
  it('counts and names the outlets, marks the update and the new story, cites every carrier of a quote', () => {
    const text = renderBriefing(twoStories(), 'text');
    expect(text).toContain(
      '1. Floodgate fails at Velmar reservoir — reported by 3 outlets: Velmar Courier, Northern Ledger, Valley <!here> Radio [1] [2] [3] · first reported 2026-03-29 · update: new from Petra @everyone Lund',
    );
    expect(text).toContain('2. Ostrand library reopens — [4] · new');
    expect(text).toContain('— Karl Dunmore [1] [3]');
  });

  it('keeps outlet and person names from pinging anyone on Slack and Discord', () => {
    const slack = JSON.stringify(renderSlackBriefing(twoStories()));
    expect(slack).toContain('reported by 3 outlets');
    expect(slack).toContain('*update*: new from');
    expect(slack).toContain('· first reported 2026-03-29');
    expect(slack).not.toContain('<!here>');
    const discord = renderDiscord({ kind: 'briefing', briefing: twoStories() });
    const shown = JSON.stringify(discord);
    expect(shown).toContain('reported by 3 outlets');
    expect(shown).toContain('**update**: new from');
    expect(shown).toContain('· first reported 2026-03-29');
    expect(shown).toContain('[1] [3]');
    expect(shown).not.toContain('@everyone');
    expect(shown).toContain('Petra @\u200beveryone Lund');
    for (const m of discord) expect(m.allowed_mentions).toEqual({ parse: [] });
  });
});
