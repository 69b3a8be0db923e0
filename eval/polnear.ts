import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads PolNeAR dev: each article's text and its attributions (brat standoff). */

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}

export interface GoldAttribution {
  content: GoldSpan;
  source: GoldSpan | null;
}

export interface PolnearDoc {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

function parseSpan(range: string, text: string): GoldSpan {
  // Discontinuous spans ("10 20;25 40") are taken whole, from the first start to the last end.
  const numbers = range.split(/[ ;]/).map(Number);
  const start = Math.min(...numbers);
  const end = Math.max(...numbers);
  return { start, end, text };
}

export function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; span: GoldSpan }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    const [id, body, text] = line.split('\t');
    if (!id || !body) continue;
    if (id.startsWith('T')) {
      const space = body.indexOf(' ');
      spans.set(id, {
        type: body.slice(0, space),
        span: parseSpan(body.slice(space + 1), text ?? ''),
      });
    } else if (id.startsWith('E')) events.push(body);
  }
  const out: GoldAttribution[] = [];
  for (const e of events) {
    const roles = new Map(e.split(' ').map((part) => part.split(':') as [string, string]));
    const content = spans.get(roles.get('Content') ?? '')?.span;
    if (!content) continue;
    out.push({ content, source: spans.get(roles.get('Source') ?? '')?.span ?? null });
  }
  return out;
}

export function readPolnear(evalDir: string): PolnearDoc[] {
  return readPolnearDir(join(evalDir, 'quotes/polnear-dev'));
}

/**
 * A PolNeAR split as the corpus lays it out: one text per article under `text/`, its brat
 * annotations (one file per annotator) under `attributions/`.
 */
export function readPolnearDir(root: string): PolnearDoc[] {
  const anns = readdirSync(join(root, 'attributions'));
  return readdirSync(join(root, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.txt$/, '');
      const ann = anns.find((a) => a.startsWith(`${name}_`) || a === `${name}.ann`);
      return {
        name,
        text: readFileSync(join(root, 'text', file), 'utf8'),
        attributions: ann ? parseAnn(readFileSync(join(root, 'attributions', ann), 'utf8')) : [],
      };
    });
}
