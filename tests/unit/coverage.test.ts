import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../src/briefing/coverage.ts';
import { renderCoverageChart } from '../../src/render/html/coverage-chart.ts';
import { storedArticle } from '../helpers/articles.ts';

/** A topic's coverage: articles per day by outlet, the quiet days included, the long tail folded. */

const at = (source: string | null, day: string, url: string | null = null) =>
  storedArticle(`Tide report from ${source ?? 'a site'}`, 'The tide came in at Lowmarsh.', {
    source,
    publishedAt: `${day}T09:00:00.000Z`,
    url,
  });

describe('coverage', () => {
  it('counts each day of the window, names the busiest outlets and folds the rest', () => {
    const outlets = [
      'Lowmarsh Gazette',
      'Tidewater News',
      'Fen Radio',
      'Sluice Daily',
      'Reed FM',
      'Marsh Post',
      'Dyke Times',
    ];
    const articles = [
      ...outlets.map((o) => at(o, '2026-04-02')),
      at('Lowmarsh Gazette', '2026-04-04'),
      at(null, '2026-04-04', 'https://www.saltings.example/tides'),
    ];
    const c = coverageOf(articles, '2026-04-01T00:00:00.000Z', new Date('2026-04-05T12:00:00Z'));
    expect(c.days).toEqual(['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
    expect(c.outlets[0]).toBe('Lowmarsh Gazette');
    expect(c.outlets).toHaveLength(6);
    expect(c.outlets.at(-1)).toBe('other outlets');
    expect(c.counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([0, 7, 0, 2, 0]);
    expect(c.articles).toBe(9);
    const svg = renderCoverageChart(c);
    expect(svg).toContain('2026-04-02: 1 from Lowmarsh Gazette');
    expect(svg).not.toMatch(/style="/);
  });

  it('names an outlet by its site when the article gives no outlet', () => {
    const c = coverageOf(
      [at(null, '2026-04-04', 'https://www.saltings.example/tides')],
      null,
      new Date('2026-04-04T12:00:00Z'),
    );
    expect(c.outlets).toEqual(['saltings.example']);
    expect(c.counts).toEqual([[1]]);
  });
});
