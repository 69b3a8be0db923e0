import { describe, expect, it } from 'vitest';
import { overlaps, resemblanceOf, shingles } from '../../src/briefing/shingles.ts';
import { CONTAINED, clusterStories, LINKED } from '../../src/briefing/stories.ts';
import { storedArticle } from '../helpers/articles.ts';

/** Near-duplicate clustering on invented (fictional) wire copy. */

const BRIDGE = [
  'Engineers closed the Karsten rail bridge on Tuesday after floodwater from the Ollen river undermined one of its stone piers, cutting the only direct line between Harwick and the coast.',
  'The regional rail operator said freight trains would be diverted through Dunmore, adding about three hours to each journey, and that passenger services would be replaced by buses until at least the end of the month.',
  '“We will not reopen the bridge until divers have inspected every pier,” said Mara Lindell, the operator’s chief engineer, at a briefing in Harwick.',
  'The river peaked at 4.2 metres on Monday night, the highest level recorded since the bridge was built in 1911, according to the regional water board.',
  'Local businesses warned that a long closure would hurt the harvest season, when most of the valley’s fruit leaves by rail.',
];

const LIBRARY = [
  'A new public library opened in the Fenwick district on Saturday, the first to be built in the city for forty years, with a reading garden on its roof and a workshop for repairing bicycles.',
  'The building cost 12 million crowns and was paid for by a bequest from a retired schoolteacher, Oskar Brandt, who asked that it stay open until ten every night.',
  '“People wanted somewhere warm and quiet that nobody would charge them for,” said the head librarian, Ines Calloway, as the first visitors queued at the doors.',
  'The council expects about 900 visitors a day and has hired eleven staff, four of them former pupils of Brandt.',
];

const FERRY = [
  'The island ferry between Port Ellery and Skarholm was cancelled for a third day on Thursday as gales kept the harbour closed and left about two hundred travellers waiting on the quay.',
  'The ferry company said it would add two extra crossings on Saturday once the wind dropped, and that tickets for the cancelled sailings would be refunded in full.',
  'Shops on Skarholm reported running short of milk and bread, and the island council opened its hall overnight for stranded passengers.',
];

const BOILERPLATE =
  'This report comes from the Northshore News Cooperative, which shares local reporting among its member papers; republication is free with credit and a link to the original article on our website.';

const paragraphs = (ps: string[]): string => ps.join('\n\n');

/** The same copy as another outlet runs it: straight quotes, its own line on top, one paragraph its own. */
function rewrapped(ps: string[], changed: number, replacement: string): string {
  const body = ps.map((p, i) => (i === changed ? replacement : p.replace(/[“”]/g, '"')));
  return paragraphs(['Valley Post staff and wire reports', ...body]);
}

describe('clusterStories', () => {
  it('makes one story of the same wire copy from two outlets, representative first', () => {
    const wire = storedArticle('Flood closes Karsten rail bridge', paragraphs(BRIDGE));
    const copy = storedArticle('Karsten bridge shut as river undermines pier', paragraphs(BRIDGE));
    const library = storedArticle('Fenwick gets a library', paragraphs(LIBRARY));
    const stories = clusterStories([wire, library, copy]);
    expect(stories.map((s) => s.articles.map((a) => a.id))).toEqual([
      [wire.id, copy.id],
      [library.id],
    ]);
    expect(stories[0]!.ranks).toEqual([0, 2]);
  });

  it('keeps a re-headlined copy with one paragraph changed in the story', () => {
    const wire = storedArticle('Flood closes Karsten rail bridge', paragraphs(BRIDGE));
    const local = storedArticle(
      'Harwick commuters face weeks of buses',
      rewrapped(
        BRIDGE,
        3,
        'Commuters in Harwick queued for replacement buses on Wednesday morning, with some waiting more than an hour in the rain.',
      ),
    );
    const stories = clusterStories([wire, local]);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.articles).toHaveLength(2);
  });

  it('keeps unrelated stories apart', () => {
    const stories = clusterStories([
      storedArticle('Bridge', paragraphs(BRIDGE)),
      storedArticle('Library', paragraphs(LIBRARY)),
      storedArticle('Ferry', paragraphs(FERRY)),
    ]);
    expect(stories.map((s) => s.articles.length)).toEqual([1, 1, 1]);
  });

  it('keeps apart two stories that merely share a boilerplate paragraph', () => {
    const library = storedArticle('Library', paragraphs([...LIBRARY, BOILERPLATE]));
    const ferry = storedArticle('Ferry', paragraphs([...FERRY, BOILERPLATE]));
    const [a, b] = [library, ferry].map((x) => shingles(x.text));
    const { sizes, shared } = overlaps([a!, b!]);
    const r = resemblanceOf(shared[1]!, sizes[0]!, sizes[1]!);
    expect(r.shared).toBeGreaterThan(20); // the boilerplate is shared, word for word …
    expect(r.containment).toBeLessThan(CONTAINED); // … and is not what either article says
    expect(clusterStories([library, ferry])).toHaveLength(2);
  });

  it('lets a round-up join one of the stories it carries, never weld them together', () => {
    const bridge = storedArticle('Bridge', paragraphs(BRIDGE));
    const library = storedArticle('Library', paragraphs(LIBRARY));
    const roundup = storedArticle('The week in the valley', paragraphs([...BRIDGE, ...LIBRARY]));
    const stories = clusterStories([roundup, bridge, library]);
    expect(stories.map((s) => s.articles.map((a) => a.id))).toEqual([
      [roundup.id, bridge.id],
      [library.id],
    ]);
    expect(LINKED).toBeLessThan(CONTAINED);
  });

  it('ranks a story by its best article and by how many outlets carry it', () => {
    const ferry = storedArticle('Ferry', paragraphs(FERRY));
    const copies = ['Bridge A', 'Bridge B', 'Bridge C'].map((t) =>
      storedArticle(t, paragraphs(BRIDGE)),
    );
    const library = storedArticle('Library', paragraphs(LIBRARY));
    // Three outlets at ranks 1–3 outweigh one article at rank 0; one at rank 4 does not.
    const stories = clusterStories([ferry, ...copies, library]);
    expect(stories.map((s) => s.articles[0]!.title)).toEqual(['Bridge A', 'Ferry', 'Library']);
    expect(stories[0]!.ranks).toEqual([1, 2, 3]);
    // Two outlets at rank 1 tie with one at rank 0, and the better rank goes first.
    const tie = clusterStories([ferry, copies[0]!, copies[1]!]);
    expect(tie.map((s) => s.articles[0]!.title)).toEqual(['Ferry', 'Bridge A']);
  });

  it('is deterministic and independent of article ids', () => {
    const make = () => [
      storedArticle('Bridge', paragraphs(BRIDGE)),
      storedArticle('Library', paragraphs(LIBRARY)),
      storedArticle('Bridge again', paragraphs(BRIDGE)),
    ];
    const shape = (xs: ReturnType<typeof make>) =>
      clusterStories(xs).map((s) => ({ ranks: s.ranks, titles: s.articles.map((a) => a.title) }));
    expect(shape(make())).toEqual(shape(make()));
  });
});

describe('shingle overlaps', () => {
  it('counts distinct shared shingles exactly, as sets would', () => {
    const texts = [paragraphs(BRIDGE), paragraphs([...LIBRARY, BOILERPLATE]), BOILERPLATE];
    const lists = texts.map(shingles);
    const { sizes, shared } = overlaps(lists);
    const sets = lists.map((l) => new Set(l));
    for (let i = 0; i < 3; i++) {
      expect(sizes[i]).toBe(sets[i]!.size);
      for (let j = 0; j < 3; j++) {
        if (i === j) continue;
        const both = [...sets[i]!].filter((h) => sets[j]!.has(h)).length;
        expect(shared[i * 3 + j]).toBe(both);
      }
    }
  });

  it('ignores case, punctuation, quotation marks and spacing', () => {
    const a = shingles('“We will not reopen the bridge,” she said.');
    const b = shingles('"we will NOT reopen  the bridge" -- she said');
    expect([...a]).toEqual([...b]);
  });
});
