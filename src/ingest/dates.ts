import { offsetMinutes as zoneOffsetMinutes } from '../time/zoned.ts';

/**
 * Date-line recognition and parsing to ISO 8601 (UTC).
 *
 * A date line is accepted only when every token in it is understood (a month, a weekday, a
 * number, a time, a zone or a filler word such as "Updated"), so ordinary sentences that
 * mention a date are never mistaken for one. Times without a zone are read as UTC. When the
 * line is ambiguous (two candidate days, 03/04/2022) the answer is null rather than a guess.
 */

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

const WEEKDAYS = new Set([
  'mon',
  'monday',
  'tue',
  'tues',
  'tuesday',
  'wed',
  'weds',
  'wednesday',
  'thu',
  'thur',
  'thurs',
  'thursday',
  'fri',
  'friday',
  'sat',
  'saturday',
  'sun',
  'sunday',
]);

/** Words that decorate a date line without changing the date. */
const FILLERS = new Set([
  'published',
  'updated',
  'posted',
  'last',
  'modified',
  'first',
  'on',
  'at',
  'date',
  'time',
  'edited',
  'created',
  'issued',
  'of',
  'the',
]);

/** Fixed offsets in minutes east of UTC. */
const FIXED_ZONES: ReadonlyMap<string, number> = new Map([
  ['z', 0],
  ['utc', 0],
  ['gmt', 0],
  ['ut', 0],
  ['wet', 0],
  ['bst', 60],
  ['cet', 60],
  ['west', 60],
  ['cest', 120],
  ['eet', 120],
  ['eest', 180],
  ['msk', 180],
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
  ['jst', 540],
  ['kst', 540],
  ['hkt', 480],
  ['sgt', 480],
  ['aest', 600],
  ['aedt', 660],
  ['nzst', 720],
  ['nzdt', 780],
]);

/** Zones written without their daylight-saving letter ("3:04 PM ET"): resolved per date. */
const DST_ZONES: ReadonlyMap<string, string> = new Map([
  ['et', 'America/New_York'],
  ['ct', 'America/Chicago'],
  ['mt', 'America/Denver'],
  ['pt', 'America/Los_Angeles'],
  ['uk', 'Europe/London'],
]);

interface Parts {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  millis?: number;
  /** Minutes east of UTC. */
  offset?: number;
  zone?: string;
}

// Ordered alternatives: the first that matches at the current position wins.
const TOKEN =
  /(?<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:\s?(?:Z|[+-]\d{2}(?::?\d{2})?)(?![\d:]))?)|(?<numdate>\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?![\d.])|(?<time>\d{1,2}(?:[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?(?![a-z]))?|\s*[ap]\.?\s?m\.?(?![a-z])))|(?<offset>[+-]\d{2}:?\d{2}(?!\d))|(?<ordinal>\d{1,2}(?:st|nd|rd|th)(?![a-z]))|(?<num>\d+)(?![a-z])|(?<word>\p{L}+)\.?|(?<punct>[,|·•–—\-/():;]+)|(?<space>\s+)/iuy;

/** Parse a line that is nothing but a date (and optional time, zone and filler words). */
export function parseDateLine(line: string): string | null {
  const text = line.trim();
  if (text.length === 0 || text.length > 120) return null;
  const parts: Parts = {};
  let dayCandidates = 0;
  let sawDateToken = false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    const g = m?.groups;
    if (!m || !g) return null;
    if (g.space !== undefined || g.punct !== undefined) continue;
    if (g.iso !== undefined) {
      if (!readIso(g.iso, parts)) return null;
      sawDateToken = true;
    } else if (g.numdate !== undefined) {
      if (!readNumericDate(g.numdate, parts)) return null;
      sawDateToken = true;
    } else if (g.time !== undefined) {
      if (parts.hour !== undefined || !readTime(g.time, parts)) return null;
    } else if (g.offset !== undefined) {
      // "+01:00" after a time, or after "GMT"/"UTC" ("GMT+01:00")
      if (parts.hour === undefined || (parts.offset ?? 0) !== 0) return null;
      parts.offset = offsetMinutes(g.offset);
    } else if (g.ordinal !== undefined) {
      parts.day = Number.parseInt(g.ordinal, 10);
      dayCandidates++;
    } else if (g.num !== undefined) {
      const n = Number.parseInt(g.num, 10);
      if (g.num.length === 4 && parts.year === undefined) parts.year = n;
      else if (g.num.length <= 2 && n >= 1 && n <= 31) {
        parts.day = n;
        dayCandidates++;
      } else return null;
    } else if (g.word !== undefined) {
      if (!readWord(g.word.toLowerCase(), parts)) return null;
      if (MONTHS.has(g.word.toLowerCase())) sawDateToken = true;
    }
  }
  if (dayCandidates > 1 || (!sawDateToken && dayCandidates === 0)) return null;
  return toIso(parts);
}

/**
 * Parse a date from metadata (an ISO string, an RFC 2822 string, a date line, or epoch
 * seconds / milliseconds). Returns ISO 8601 in UTC, or null.
 */
export function parseDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const ms = value > 1e11 ? value : value * 1000; // seconds until the year 5138
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof value !== 'string') return null;
  return parseDateLine(value);
}

function readIso(s: string, parts: Parts): boolean {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      s,
    );
  if (!m || parts.year !== undefined) return false;
  parts.year = Number(m[1]);
  parts.month = Number(m[2]);
  parts.day = Number(m[3]);
  if (m[4] !== undefined) {
    parts.hour = Number(m[4]);
    parts.minute = Number(m[5]);
    parts.second = m[6] === undefined ? 0 : Number(m[6]);
    parts.millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  }
  if (m[8] !== undefined) parts.offset = m[8].toUpperCase() === 'Z' ? 0 : offsetMinutes(m[8]);
  return true;
}

/** 17/11/2022 or 11/17/2022: accepted only when the order is unambiguous. */
function readNumericDate(s: string, parts: Parts): boolean {
  const [a = 0, b = 0, y = 0] = s.split(/[./-]/).map((x) => Number.parseInt(x, 10));
  if (parts.year !== undefined) return false;
  let day: number;
  let month: number;
  if (a > 12 && b <= 12) [day, month] = [a, b];
  else if (b > 12 && a <= 12) [day, month] = [b, a];
  else if (a === b) [day, month] = [a, b];
  else return false;
  parts.year = y < 100 ? 2000 + y : y;
  parts.month = month;
  parts.day = day;
  return true;
}

function readTime(s: string, parts: Parts): boolean {
  const m = /^(\d{1,2})(?:[:.h](\d{2})(?::(\d{2}))?)?\s*(?:([ap])\.?\s?m\.?)?$/i.exec(s);
  if (!m) return false;
  let hour = Number(m[1]);
  const meridiem = m[4]?.toLowerCase();
  if (m[2] === undefined && meridiem === undefined) return false;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return false;
    if (meridiem === 'a' && hour === 12) hour = 0;
    if (meridiem === 'p' && hour !== 12) hour += 12;
  }
  parts.hour = hour;
  parts.minute = m[2] === undefined ? 0 : Number(m[2]);
  parts.second = m[3] === undefined ? 0 : Number(m[3]);
  return true;
}

function readWord(word: string, parts: Parts): boolean {
  const month = MONTHS.get(word);
  if (month !== undefined) {
    if (parts.month !== undefined) return false;
    parts.month = month;
    return true;
  }
  if (WEEKDAYS.has(word) || FILLERS.has(word)) return true;
  const fixed = FIXED_ZONES.get(word);
  if (fixed !== undefined && parts.hour !== undefined) {
    parts.offset = fixed;
    return true;
  }
  const zone = DST_ZONES.get(word);
  if (zone !== undefined && parts.hour !== undefined) {
    parts.zone = zone;
    return true;
  }
  return false;
}

function offsetMinutes(s: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(s);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function toIso(p: Parts): string | null {
  const { year, month, day } = p;
  if (year === undefined || month === undefined || day === undefined) return null;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, p.millis ?? 0);
  const check = new Date(wall);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // 31 June
  let offset = p.offset ?? 0;
  if (p.zone !== undefined) offset = zoneOffsetAtWallTime(p.zone, wall);
  return new Date(wall - offset * 60_000).toISOString();
}

/** Offset (minutes east of UTC) of an IANA zone at a given local wall-clock time. */
function zoneOffsetAtWallTime(zone: string, wall: number): number {
  const first = zoneOffsetMinutes(new Date(wall), zone);
  return zoneOffsetMinutes(new Date(wall - first * 60_000), zone);
}
