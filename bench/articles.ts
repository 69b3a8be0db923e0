import type { ParsedArticle } from '../src/model/article.ts';

/**
 * Fifty articles shaped like a busy topic's window: ten stories (the four bundled demo
 * articles and six follow-ups written here, all fictional), each carried by one to eight
 * outlets that re-wrap the same copy: their own headline and dateline, straight or curly
 * quotes, an own paragraph in place of one of the wire's, a trimmed ending.
 */

const FOLLOW_UPS: Array<{ title: string; paragraphs: string[] }> = [
  {
    title: 'Eastholm works through the night as Marrowby strike diverts ships',
    paragraphs: [
      'Crews at the small port of Eastholm worked through the night on Thursday to unload cargo ships diverted from Marrowby, where a dock strike has halted the container terminal.',
      'The Eastholm harbour master, Jonas Pike, said the port had handled more ships in three days than in a normal month and had asked retired crane drivers to return for the week.',
      '“We are glad to help, but we are a fishing harbour with two cranes, not a container port,” Pike said.',
      'Hauliers said the forty-kilometre road from Eastholm to the Marrowby warehouses was jammed with lorries from dawn.',
    ],
  },
  {
    title: 'Fruit importers count the cost of the Marrowby strike',
    paragraphs: [
      'Fruit importers said on Friday that the strike at Marrowby had already cost them about 3 million crowns in spoiled cargo, as refrigerated containers waited offshore.',
      'The Northern Shipping Agents Association asked the harbour authority to let perishable goods be unloaded first, a request the Coastal Workers Union said it would consider.',
      '“Bananas do not wait for negotiations,” said Priya Raman, a spokeswoman for the association.',
      'Supermarkets in the region reported shortages of citrus fruit for the first time in a decade.',
    ],
  },
  {
    title: 'Marrowby council sets up a hardship fund during dock strike',
    paragraphs: [
      'Marrowby council voted on Wednesday to set up a hardship fund of 500,000 crowns for families of dock workers who have lost their pay during the strike.',
      'The mayor, Agnes Holm, said the fund would pay for school meals and heating and would be open to any household where someone works at the port.',
      '“A strike should not mean a cold house for a child,” Holm told the council chamber.',
      'Opposition councillors said the fund took sides in a private dispute and voted against it.',
    ],
  },
  {
    title: 'Rail freight picks up the slack in the Marrowby strike',
    paragraphs: [
      'Freight trains carried twice their usual load out of the Marrowby valley this week as shippers moved goods by rail to avoid the strike-bound harbour.',
      'The regional rail operator added four night trains and said it could keep the extra service running for a month if the dispute continued.',
      'Shippers said rail was dearer than sea but cheaper than letting containers sit idle.',
    ],
  },
  {
    title: 'Students march in Marrowby in support of striking dockers',
    paragraphs: [
      'About two thousand students marched from the university to the Marrowby harbour gates on Saturday in support of dock workers on strike over night-shift cuts.',
      'The march was organised by the student union, whose president, Lena Ostrova, said many students worked night shifts themselves to pay their rent.',
      '“Night work keeps this city running, and the people who do it deserve to be heard,” Ostrova said.',
      'Police said the march passed peacefully and the gates reopened within the hour.',
    ],
  },
  {
    title: 'Ferry timetable unaffected by the Marrowby strike, operator says',
    paragraphs: [
      'Passenger ferries will keep their normal timetable despite the dock strike at Marrowby, because their berths are run by a separate company, the ferry operator said on Monday.',
      'The operator warned that freight bookings on its ferries were full for the next two weeks as lorries sought other routes across the bay.',
      'The Coastal Workers Union said its members on the ferry berths were not part of the dispute.',
    ],
  },
];

const OUTLETS = [
  'Harbour Wire',
  'Marrowby Gazette',
  'Valley Post',
  'Coastal Times',
  'Eastholm Echo',
  'Bay Courier',
  'North Sea Ledger',
  'Regional Daily',
];
/** How outlets vary a wire headline. */
const HEADLINE_OPENINGS = ['', 'Update: ', 'Marrowby: ', 'Latest: '];
/** Outlets per story, most covered first: 8 + 7 + 6 + 6 + 5 + 5 + 4 + 4 + 3 + 2 = 50. */
const CARRIED = [8, 7, 6, 6, 5, 5, 4, 4, 3, 2];

/** One outlet's version of a story: deterministic in the outlet's number. */
function rewrap(story: ParsedArticle, outlet: number, day: number): ParsedArticle {
  const name = OUTLETS[outlet]!;
  let paragraphs = story.text.split(/\n\s*\n/);
  if (outlet % 2 === 1) paragraphs = paragraphs.map((p) => p.replace(/[“”]/g, '"'));
  if (outlet % 3 === 1 && paragraphs.length > 3)
    paragraphs[paragraphs.length - 2] =
      `Our reporter asked the harbour authority and the union for further comment.`;
  if (outlet % 4 === 3 && paragraphs.length > 3) paragraphs = paragraphs.slice(0, -1);
  paragraphs[0] = `MARROWBY (${name}) — ${paragraphs[0]}`;
  return {
    title: outlet === 0 ? story.title : `${HEADLINE_OPENINGS[outlet % 4]}${story.title}`,
    text: paragraphs.join('\n\n'),
    publishedAt: new Date(Date.UTC(2026, 2, 1 + day, 6 + outlet)).toISOString(),
    source: name,
    url: null,
  };
}

export function benchArticles(demo: ParsedArticle[]): ParsedArticle[] {
  const stories: ParsedArticle[] = [
    ...demo,
    ...FOLLOW_UPS.map((f) => ({
      title: f.title,
      text: f.paragraphs.join('\n\n'),
      publishedAt: null,
      source: null,
      url: null,
    })),
  ];
  return stories.flatMap((story, s) =>
    Array.from({ length: CARRIED[s] ?? 1 }, (_, outlet) => rewrap(story, outlet, 2 * s)),
  );
}

export const BENCH_STORIES = CARRIED.length;
