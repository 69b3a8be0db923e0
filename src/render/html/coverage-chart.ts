import type { Coverage } from '../../model/coverage.ts';
import { escapeHtml } from './escape.ts';

/**
 * Coverage as a server-drawn SVG: one stacked bar per day, a colour per outlet, a legend, and
 * a table with the same numbers for screen readers and for readers who want the figures.
 */

/** The same colours as the stylesheet's .c0–.c5, for the legend. */
export const COLOURS = ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#6b7280'];
const WIDTH = 640;
const HEIGHT = 180;
const PAD = 28;

export function renderCoverageChart(c: Coverage): string {
  if (c.days.length === 0) return '';
  const totals = c.counts.map((row) => row.reduce((a, b) => a + b, 0));
  const top = Math.max(1, ...totals);
  const slot = (WIDTH - PAD) / c.days.length;
  const bar = Math.max(1, slot * 0.8);
  const scale = (HEIGHT - PAD) / top;
  const rects: string[] = [];
  c.counts.forEach((row, d) => {
    let y = HEIGHT - PAD;
    row.forEach((n, o) => {
      if (n === 0) return;
      const h = n * scale;
      y -= h;
      rects.push(
        `<rect x="${(PAD + d * slot).toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[o % COLOURS.length]}"><title>${escapeHtml(`${c.days[d]}: ${n} from ${c.outlets[o]}`)}</title></rect>`,
      );
    });
  });
  const axis = `<text x="0" y="12" font-size="11">${top}</text><text x="0" y="${HEIGHT - PAD}" font-size="11">0</text><text x="${PAD}" y="${HEIGHT - 8}" font-size="11">${escapeHtml(c.days[0]!)}</text><text x="${WIDTH}" y="${HEIGHT - 8}" font-size="11" text-anchor="end">${escapeHtml(c.days.at(-1)!)}</text>`;
  const label = `Articles per day by outlet, ${c.days[0]} to ${c.days.at(-1)}: ${c.articles} in all`;
  const svg = `<svg role="img" aria-labelledby="chart-title" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">${escapeHtml(label)}</title><line x1="${PAD}" y1="${HEIGHT - PAD}" x2="${WIDTH}" y2="${HEIGHT - PAD}" stroke="#999"/>${rects.join('')}${axis}</svg>`;
  const legend = c.outlets
    // A class, not a style attribute: the pages' CSP allows no inline style.
    .map((o, i) => `<li><span class="swatch c${i % COLOURS.length}"></span>${escapeHtml(o)}</li>`)
    .join('');
  const rows = c.days
    .map((day, d) => ({ day, n: totals[d]! }))
    .filter((r) => r.n > 0)
    .map((r) => `<tr><th scope="row">${r.day}</th><td>${r.n}</td></tr>`)
    .join('');
  return `<figure>${svg}<figcaption><ul class="legend">${legend}</ul></figcaption></figure>
<details><summary>The numbers</summary><table><thead><tr><th scope="col">day</th><th scope="col">articles</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}
