import { describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/briefing/build.ts';
import { clusterCopies, clusterStories } from '../../src/briefing/stories.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import type { ParsedArticle } from '../../src/model/article.ts';
import { renderBriefing } from '../../src/render/text.ts';
import { createStore } from '../../src/store/create.ts';
import { storedArticle } from '../helpers/articles.ts';

/** One event, one story: invented (fictional) reports, each outlet in its own words. */

const DAY1 = '2026-03-10T08:00:00Z';
const p = (...ps: string[]): string => ps.join('\n\n');

const GATE_A = {
  title: 'Floodgate fails at Velmar reservoir, hundreds evacuated',
  source: 'Velmar Courier',
  text: p(
    'A floodgate at the Velmar reservoir gave way on Monday night, forcing the evacuation of about 400 residents from the low streets of Ostrand.',
    'Water poured through the broken gate for three hours before engineers of the Velmar Water Board closed a second barrier upstream.',
    '“The gate was inspected in January and showed no sign of weakness,” said Irena Solvik, the board’s chief engineer.',
    'Ostrand’s school hall was opened overnight for families who could not reach relatives.',
  ),
};
const GATE_B = {
  title: 'Ostrand families spend night in school hall after reservoir gate collapse',
  source: 'Northern Ledger',
  text: p(
    'Hundreds of people in Ostrand slept in a school hall after a floodgate at the Velmar reservoir collapsed late on Monday and sent water into their streets.',
    'Irena Solvik, chief engineer at the Velmar Water Board, said the gate had passed an inspection in January.',
    'Engineers stopped the flow after three hours by shutting a barrier further upstream, the board said.',
    '“We heard a noise like thunder and then the water was at the door,” said one resident, Tomas Brenn.',
  ),
};
const GATE_C = {
  title: 'Velmar Water Board faces questions over broken floodgate',
  source: 'Valley Radio',
  text: p(
    'The Velmar Water Board is under pressure to explain why a floodgate at its reservoir failed on Monday night, flooding streets in Ostrand and forcing about 400 people from their homes.',
    'Irena Solvik, the board’s chief engineer, told reporters the gate had been inspected in January.',
    'Water ran through the gap for three hours until a second barrier upstream was closed.',
    'Councillors in Ostrand asked for an independent review of the reservoir’s other gates.',
    '“We warned the board about these gates two years ago,” said Petra Lund, who leads the Ostrand residents’ association.',
  ),
};
/** The same board and engineer a week later: a different event. */
const HEARING = {
  title: 'Velmar Water Board sets out repair plan at council hearing',
  source: 'Velmar Courier',
  text: p(
    'The Velmar Water Board presented a plan to rebuild all six gates of its reservoir at a council hearing in Ostrand on Tuesday, a week after one of them failed.',
    'Irena Solvik, the board’s chief engineer, said the work would cost 14 million crowns and take two years.',
    'Councillors voted to fund a third of the cost from the town’s reserves.',
    '“Nobody in this room wants to see that water in our streets again,” said the council leader, Jonas Aberg.',
  ),
};
const LIBRARY = {
  title: 'Ostrand library reopens after renovation',
  source: 'Northern Ledger',
  text: p(
    'The public library in Ostrand reopened on Monday after an eight-month renovation that added a children’s wing and a rooftop reading garden.',
    'The work cost 2 million crowns, paid for by a bequest from a retired teacher.',
    '“People wanted somewhere warm and quiet,” said the head librarian, Ada Fenn.',
  ),
};

const at = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

function make(a: { title: string; source: string; text: string }, publishedAt: string) {
  return storedArticle(a.title, a.text, { source: a.source, publishedAt });
}

describe('event grouping', () => {
  it('makes one story of three outlets’ own reports of one event, with its three sources', () => {
    const articles = [
      make(GATE_A, DAY1),
      make(LIBRARY, DAY1),
      make(GATE_B, at(DAY1, 3)),
      make(GATE_C, at(DAY1, 9)),
    ];
    // They share no copied text: the wire-copy grouping alone keeps them apart.
    expect(clusterCopies(articles)).toHaveLength(4);
    const stories = clusterStories(articles);
    expect(stories.map((s) => s.articles.map((a) => a.title))).toEqual([
      [GATE_A.title, GATE_B.title, GATE_C.title],
      [LIBRARY.title],
    ]);
  });

  it('keeps two events with the same actors a week apart as two stories', () => {
    const articles = [make(GATE_A, DAY1), make(GATE_C, at(DAY1, 6)), make(HEARING, at(DAY1, 168))];
    const stories = clusterStories(articles);
    expect(stories.map((s) => s.articles.length).sort()).toEqual([1, 2]);
    expect(stories.find((s) => s.articles.length === 1)!.articles[0]!.title).toBe(HEARING.title);
  });
});

function parsed(
  a: { title: string; source: string; text: string },
  publishedAt: string,
): ParsedArticle {
  return { title: a.title, text: a.text, source: a.source, publishedAt, url: null };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A store whose audience was briefed on the first report of the gate failure; later ones arrive after. */
async function briefedOnFirstReport(audience: string) {
  const stores = await createStore(':memory:');
  await stores.articles.putArticles([prepareArticle('a', parsed(GATE_A, DAY1))]);
  const request = { topic: 'velmar', since: 'all', audience } as const;
  await buildBriefing(stores, [], { ...request, record: true, now: new Date() });
  await pause(20);
  return { stores, request };
}

/** The second outlet's report without its resident's quote: nothing the first did not say. */
const RETOLD = { ...GATE_B, text: GATE_B.text.split('\n\n').slice(0, 3).join('\n\n') };

describe('a briefing of an event several outlets reported', () => {
  it('shows it once, counts its outlets, and merges a quote they all carried', async () => {
    const stores = await createStore(':memory:');
    const shared =
      '“We will rebuild every gate before the spring rains,” said the mayor, Karl Dunmore.';
    await stores.articles.putArticles([
      prepareArticle('a', parsed({ ...GATE_A, text: p(GATE_A.text, shared) }, DAY1)),
      prepareArticle('b', parsed({ ...GATE_B, text: p(RETOLD.text, shared) }, at(DAY1, 2))),
      prepareArticle('c', parsed(GATE_C, at(DAY1, 4))),
    ]);
    const b = await buildBriefing(stores, [], {
      topic: 'velmar',
      since: 'all',
      now: new Date('2026-03-12T00:00:00Z'),
    });
    expect(b.stories).toHaveLength(1);
    expect(b.stories[0]!.outlets).toEqual(
      expect.arrayContaining(['Velmar Courier', 'Northern Ledger', 'Valley Radio']),
    );
    const rebuild = b.quotes.find((q) => q.text.startsWith('We will rebuild'));
    expect(rebuild?.sources).toHaveLength(2);
    expect(b.quotes.filter((q) => q.text.startsWith('We will rebuild'))).toHaveLength(1);
    expect(renderBriefing(b, 'text')).toMatch(/reported by 3 outlets: .*\[1\] \[2\] \[3\]/);
    await stores.close();
  });

  it('marks a development of a known event as an update, and another outlet’s repeat as neither', async () => {
    const first = await briefedOnFirstReport('cli:ana');
    const { stores } = first;
    const request = { ...first.request, news: 'lead' } as const;
    // Another outlet tells what the audience already knows: not news.
    await stores.articles.putArticles([prepareArticle('b', parsed(RETOLD, at(DAY1, 3)))]);
    const repeat = await buildBriefing(stores, [], { ...request, now: new Date() });
    expect(repeat.stories).toHaveLength(1);
    expect(repeat.stories[0]).toMatchObject({ isNew: false, update: null });
    expect(repeat.notes[0]).toMatch(/^Nothing new since the previous briefing/);
    // A third brings someone new into the event: an update.
    await stores.articles.putArticles([prepareArticle('c', parsed(GATE_C, at(DAY1, 9)))]);
    const update = await buildBriefing(stores, [], { ...request, now: new Date() });
    expect(update.stories).toHaveLength(1);
    expect(update.stories[0]!.isNew).toBe(false);
    expect(update.stories[0]!.update).toContain('Petra Lund');
    expect(update.notes[0]).toMatch(
      /^1 update of a story you were told of since the previous briefing/,
    );
    expect(renderBriefing(update, 'text')).toMatch(/ · update: new from /);
    await stores.close();
  });

  it('leaves another outlet’s repeat out of a digest and sends a development as an update', async () => {
    const { stores, request } = await briefedOnFirstReport('digest:7');
    await stores.articles.putArticles([prepareArticle('b', parsed(RETOLD, at(DAY1, 3)))]);
    const nothing = await buildBriefing(stores, [], { ...request, news: 'only', now: new Date() });
    expect(nothing).toBeNull();
    await stores.articles.putArticles([prepareArticle('c', parsed(GATE_C, at(DAY1, 9)))]);
    const digest = await buildBriefing(stores, [], { ...request, news: 'only', now: new Date() });
    // What the audience was told is not sent again; the retelling rides along with the news.
    const titles = digest?.sources.map((x) => x.title);
    expect(titles).toContain(GATE_C.title);
    expect(titles).not.toContain(GATE_A.title);
    expect(digest?.stories).toHaveLength(1);
    expect(digest?.stories[0]).toMatchObject({
      isNew: false,
      update: expect.arrayContaining(['Petra Lund']),
    });
    await stores.close();
  });

  it('counts someone speaking again on a later day as an update, another excerpt the same day not', async () => {
    const first = await briefedOnFirstReport('cli:bo');
    const { stores } = first;
    const request = { ...first.request, news: 'lead' } as const;
    const again = (words: string) => p(RETOLD.text, `“${words},” Irena Solvik said.`);
    const sameDay = {
      ...GATE_B,
      text: again('Every one of the other gates will be checked by divers this week'),
    };
    await stores.articles.putArticles([prepareArticle('b', parsed(sameDay, at(DAY1, 4)))]);
    const excerpt = await buildBriefing(stores, [], { ...request, now: new Date() });
    expect(excerpt.stories[0]).toMatchObject({ isNew: false, update: null });
    const nextDay = {
      ...GATE_C,
      title: 'Velmar engineer admits the broken gate had a known fault',
      text: again('We knew one hinge on that gate was worn, and we should have replaced it sooner'),
    };
    await stores.articles.putArticles([prepareArticle('c', parsed(nextDay, at(DAY1, 30)))]);
    const later = await buildBriefing(stores, [], { ...request, now: new Date() });
    expect(later.stories).toHaveLength(1);
    expect(later.stories[0]!.update).toEqual(['Irena Solvik']);
    await stores.close();
  });
});
