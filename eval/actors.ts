import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/ingest/parse.ts';
import type { Actor, EntityType } from '../src/model/analysis.ts';
import { analyzeText } from '../src/nlp/analyze.ts';
import { type EvalSection, figureRow } from './shared.ts';
import { halfOf, type Part, rowsByPart } from './split.ts';

/**
 * The hand-annotated actor set (eval/actors/*.json, written before any actor tuning): real
 * articles from ../shared, every person, organisation and place with its type and the roles
 * the article gives it, most central first. The files hold offsets only; names are read
 * from the articles. Each article is run as a user would run it (the news page's source.html
 * through our extraction, a PolNeAR text as a .txt file) and its actors are matched by name.
 */

interface Offsets {
  start: number;
  end: number;
}
interface GoldActor {
  name: Offsets;
  aliases?: Offsets[];
  type: EntityType;
  roles: Offsets[];
}
interface GoldFile {
  articles: Array<{ id: string; actors: GoldActor[] }>;
}

interface Gold {
  names: string[];
  type: EntityType;
  roles: string[];
}

interface ArticleScore {
  id: string;
  half: 'tuning' | 'check';
  key: number;
  keyFound: number;
  gold: number;
  found: number;
  ours: number;
  typed: number;
  withRole: number;
  roleRight: number;
  noRole: number;
  spuriousRole: number;
  split: number;
  unmatched: string[];
  /** Of those, how many are in our top 10 (what a briefing shows). */
  unmatchedTop: number;
  mistyped: string[];
  wrongRoles: string[];
}

const KEY = 10;
const FILES = ['html.json', 'polnear.json'];
const ROLE_STOP = new Set(['the', 'a', 'an', 'of', 'for', 'at', 'and', 'in', 'on', "'s", 's']);

function decode(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;|&rsquo;/g, '’')
    .replace(/&quot;/g, '"');
}

/** Lower case, no accents, no "the", no full stops or possessive: the form names are compared in. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

/** Exact on any gold form; a person also by surname when one name's words hold the other's. */
export function matches(ours: Actor, gold: Gold): boolean {
  const mine = [ours.name, ...ours.aliases].map(nameKey);
  const theirs = gold.names.map(nameKey);
  if (mine.some((m) => theirs.includes(m))) return true;
  if (gold.type !== 'person' || ours.type !== 'person') return false;
  const a = nameKey(ours.name).split(' ');
  const b = theirs[0]!.split(' ');
  if (a.at(-1) !== b.at(-1)) return false;
  return a.every((w) => b.includes(w)) || b.every((w) => a.includes(w));
}

function roleWords(role: string): string[] {
  return nameKey(role)
    .split(' ')
    .filter((w) => w && !ROLE_STOP.has(w));
}

/** Our role is right when it holds at least half the content words of one of the gold roles. */
export function roleRight(ours: string | null, gold: readonly string[]): boolean {
  if (!ours) return false;
  const mine = new Set(roleWords(ours));
  return gold.some((g) => {
    const want = roleWords(g);
    return want.length > 0 && want.filter((w) => mine.has(w)).length / want.length >= 0.5;
  });
}

/** The article as ingest parses it, and the file the gold offsets index. */
function readArticle(evalDir: string, id: string): { title: string; text: string; raw: string } {
  const [kind, name] = id.split('/') as [string, string];
  const html = kind === 'html';
  const path = html
    ? join(evalDir, 'html', name, 'source.html')
    : join(evalDir, 'quotes/polnear-dev/text', `${name}.txt`);
  const content = readFileSync(path, 'utf8');
  const [article] = parseArticle(path, content);
  const raw = html ? readFileSync(join(evalDir, 'html', name, 'expected.html'), 'utf8') : content;
  return { title: article?.title ?? '', text: article?.text ?? '', raw };
}

function scoreArticle(evalDir: string, id: string, goldActors: GoldActor[]): ArticleScore {
  const { title, text, raw } = readArticle(evalDir, id);
  const slice = (o: Offsets): string => decode(raw.slice(o.start, o.end)).trim();
  const gold: Gold[] = goldActors.map((g) => ({
    names: [slice(g.name), ...(g.aliases ?? []).map(slice)],
    type: g.type,
    roles: g.roles.map(slice),
  }));
  const actors = analyzeText(title, text).actors;
  const matchOf = actors.map((a) => gold.findIndex((g) => matches(a, g)));
  const s: ArticleScore = {
    id,
    half: halfOf(id.split('/')[1]!),
    key: Math.min(KEY, gold.length),
    keyFound: 0,
    gold: gold.length,
    found: 0,
    ours: actors.length,
    typed: 0,
    withRole: 0,
    roleRight: 0,
    noRole: 0,
    spuriousRole: 0,
    split: 0,
    unmatched: [],
    unmatchedTop: 0,
    mistyped: [],
    wrongRoles: [],
  };
  const top = new Set(matchOf.slice(0, KEY));
  for (let g = 0; g < s.key; g++) if (top.has(g)) s.keyFound++;
  gold.forEach((g, gi) => {
    const mine = actors.filter((_, i) => matchOf[i] === gi);
    if (mine.length === 0) return;
    s.found++;
    s.split += mine.length - 1;
    const best = mine[0]!;
    if (best.type === g.type) s.typed++;
    else s.mistyped.push(`${best.name} · ${best.type} (is ${g.type})`);
    if (g.roles.length) {
      s.withRole++;
      if (roleRight(best.role, g.roles)) s.roleRight++;
      else s.wrongRoles.push(`${best.name} — ${best.role ?? '(none)'} (is ${g.roles.join(' / ')})`);
    } else {
      s.noRole++;
      if (best.role) {
        s.spuriousRole++;
        s.wrongRoles.push(`${best.name} — ${best.role} (has none)`);
      }
    }
  });
  actors.forEach((a, i) => {
    if (matchOf[i] !== -1) return;
    s.unmatched.push(`${a.name} · ${a.type}`);
    if (i < KEY) s.unmatchedTop++;
  });
  return s;
}

export function goldDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'actors');
}

export function evaluateActorSet(evalDir: string): EvalSection {
  const scores: ArticleScore[] = [];
  for (const file of FILES) {
    const path = join(goldDir(), file);
    if (!existsSync(path)) continue;
    const gold = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
    for (const a of gold.articles) scores.push(scoreArticle(evalDir, a.id, a.actors));
  }
  const sum = (part: Part, pick: (s: ArticleScore) => number): number =>
    scores
      .filter((s) => part === 'whole' || s.half === part)
      .reduce((total, s) => total + pick(s), 0);
  const ratio = (
    part: Part,
    top: (s: ArticleScore) => number,
    bottom: (s: ArticleScore) => number,
  ) => sum(part, top) / Math.max(1, sum(part, bottom));
  const n = scores.length;
  const row = (measure: string, ours: number, atLeast?: number) =>
    figureRow(`${measure} (${n} hand-annotated articles)`, ours, atLeast);
  const rows = rowsByPart((part) => {
    const share = (top: (s: ArticleScore) => number, bottom: (s: ArticleScore) => number) =>
      ratio(part, top, bottom);
    return [
      row(
        'actor recall@10 (key actors in our top 10)',
        share(
          (s) => s.keyFound,
          (s) => s.key,
        ),
      ),
      row(
        'actor recall (all gold actors)',
        share(
          (s) => s.found,
          (s) => s.gold,
        ),
      ),
      row(
        'actor precision (ours matching a gold actor)',
        1 -
          share(
            (s) => s.unmatched.length,
            (s) => s.ours,
          ),
      ),
      row(
        'actor type accuracy',
        share(
          (s) => s.typed,
          (s) => s.found,
        ),
        0.92,
      ),
      row(
        'actor role accuracy (gold has a role)',
        share(
          (s) => s.roleRight,
          (s) => s.withRole,
        ),
        0.65,
      ),
      row(
        'actor role given where gold has none',
        share(
          (s) => s.spuriousRole,
          (s) => s.noRole,
        ),
      ),
      row(
        'actors split into several entries',
        share(
          (s) => s.split,
          (s) => s.found,
        ),
      ),
      // Not every unmatched actor is junk (the gold leaves out products, laws and names only
      // in captions); the list per article is in eval/results/latest.json.
      row(
        'our top-10 actors not in the gold list, per article',
        share(
          (s) => s.unmatchedTop,
          () => 1,
        ),
      ),
    ];
  });
  return { name: 'actor-set', rows, details: { articles: scores } };
}
