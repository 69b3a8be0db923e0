import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWindow } from '../../src/briefing/window.ts';
import { positiveInteger } from '../../src/cli/options.ts';
import { isBriefwireError } from '../../src/model/errors.ts';
import { nextSlot } from '../../src/schedule/slots.ts';
import { parseSchedule } from '../../src/schedule/spec.ts';
import { checkSubscription } from '../../src/schedule/subscribe.ts';
import { runCli, tempDir } from '../helpers/cli.ts';

/**
 * Issue #13, item 10: command arguments mean what they look like. Ids are plain decimal
 * numbers, dates are real calendar dates, an option given as "" is an error naming it, and
 * a schedule either fires some day (29 February included) or is refused when subscribed.
 */

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const db = join(tmp.dir, 'args.db');
const NOW = new Date('2026-12-04T12:00:00Z');

function rejection(f: () => unknown): { code: string; message: string; input: string | undefined } {
  try {
    f();
  } catch (e) {
    if (isBriefwireError(e)) return { code: e.code, message: e.message, input: e.input };
    throw e;
  }
  throw new Error('expected an error');
}

async function subscribe(...more: string[]) {
  return runCli([
    'subscribe',
    'harbour-strike',
    '--platform',
    'slack',
    '--channel',
    'C0PORTLINE',
    '--db',
    db,
    ...more,
  ]);
}

describe('numbers on the command line', () => {
  it.each(['1e3', '0x10', '+4', '2.0', '010', '0', '1_000', ' 12', '١٢', '99999999999999999999'])(
    'refuses %j as a number, naming it',
    (text) => {
      const e = rejection(() => positiveInteger(text, 'the subscription number'));
      expect(e.code).toBe('USAGE');
      expect(e.input).toBe(text);
      expect(e.message).toContain(`the subscription number must be a whole number`);
      expect(e.message).toContain(`(got "${text}")`);
    },
  );

  it('reads plain digits, up to a maximum the caller names', () => {
    expect(positiveInteger('7', 'n')).toBe(7);
    expect(positiveInteger('65535', '--port', 65535)).toBe(65535);
    expect(rejection(() => positiveInteger('65536', '--port', 65535)).message).toMatch(
      /--port must be a whole number from 1 to 65535/,
    );
  });

  it('unsubscribe 1e0 is a usage error and removes nothing; #1 and 1 are subscription 1', async () => {
    const made = await subscribe('--schedule', '08:00');
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^Subscription #1:/);
    for (const arg of ['1e0', '1.0', '01', '0x1']) {
      const r = await runCli(['unsubscribe', arg, '--db', db]);
      expect(r.code, arg).toBe(2);
      expect(r.stderr).toBe(
        `briefwire unsubscribe: the subscription number must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}, written in digits (got "${arg}") [USAGE]\n`,
      );
    }
    expect((await runCli(['subscriptions', '--db', db])).stdout).toMatch(/^#1 harbour-strike/);
    const removed = await runCli(['unsubscribe', '#1', '--db', db]);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await runCli(['unsubscribe', '1', '--db', db])).stderr).toBe('No subscription #1.\n');
  }, 20_000);
});

describe('options given as empty text', () => {
  it.each([
    ['--timezone', ''],
    ['--timezone', '   '],
    ['--workspace', ''],
  ])('subscribe %s %j is an error naming the option, and saves nothing', async (option, value) => {
    const r = await subscribe('--schedule', '08:00', option, value);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `briefwire subscribe: ${option} is empty: give it a value, or leave the option out [USAGE]\n`,
    );
    expect((await runCli(['subscriptions', '--json', '--db', db])).stdout).not.toMatch(
      /C0PORTLINE/,
    );
  });

  it('a blank time zone in a chat subscription is refused by name, not read as the default', () => {
    const request = {
      platform: 'slack' as const,
      workspace: 'T1',
      channel: 'C1',
      topic: 'harbour-strike',
      schedule: '08:00',
      timezone: '  ',
      createdBy: 'U1',
    };
    expect(() => checkSubscription(request, [], 'UTC')).toThrow(/"" is not a time zone/);
  });

  it('--db "" is refused rather than read as the default store', async () => {
    const r = await runCli(['topics', '--db=']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'briefwire topics: --db is empty: give it a value, or leave the option out [USAGE]\n',
    );
  });
});

describe('dates in --since', () => {
  it.each([
    '2026-02-30',
    '2026-02-29',
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-01T24:00',
    '2026-11-01T10:60',
    '2026-11-01 10:00:60',
  ])('refuses %s, naming it', (value) => {
    const e = rejection(() => parseWindow(value, NOW));
    expect(e.code).toBe('USAGE');
    expect(e.input).toBe(value);
    expect(e.message).toContain(`"${value}" is not a real date`);
  });

  it('accepts real dates and times, read as UTC', () => {
    expect(parseWindow('2028-02-29', NOW).since).toBe('2028-02-29T00:00:00.000Z');
    expect(parseWindow('2000-02-29', NOW).since).toBe('2000-02-29T00:00:00.000Z');
    expect(parseWindow('2026-11-01 08:30', NOW).since).toBe('2026-11-01T08:30:00.000Z');
    expect(parseWindow('2026-11-01T08:30:15.5Z', NOW).since).toBe('2026-11-01T08:30:15.500Z');
    expect(parseWindow('7d', NOW).since).toBe('2026-11-27T12:00:00.000Z');
  });

  it('brief --since 2026-02-30 is a usage error naming the date', async () => {
    const r = await runCli(['brief', 'harbour-strike', '--since', '2026-02-30', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^briefwire brief: "2026-02-30" is not a real date.* \[USAGE\]\n$/);
  }, 20_000);
});

describe('schedules that fire rarely or never', () => {
  it('finds the next 29 February eight years off, quickly, in any zone', () => {
    const spec = parseSchedule('0 9 29 2 *');
    expect(nextSlot(spec, 'UTC', new Date('2096-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2104-02-29T09:00:00.000Z',
    );
    expect(
      nextSlot(spec, 'Pacific/Auckland', new Date('2096-02-29T00:00:00Z'))?.toISOString(),
    ).toBe('2104-02-28T20:00:00.000Z');
    expect(
      nextSlot(spec, 'America/New_York', new Date('2028-02-29T13:59:00Z'))?.toISOString(),
    ).toBe('2028-02-29T14:00:00.000Z');
  }, 5_000);

  it('walks a rare day-and-weekday schedule by days, not minutes', () => {
    // The 1st of February on a Monday: 2027, then 2038 (Vixie: a `*/n` day needs the weekday too).
    const spec = parseSchedule('30 6 */31 2 mon');
    expect(nextSlot(spec, 'UTC', new Date('2027-02-02T00:00:00Z'))?.toISOString()).toBe(
      '2038-02-01T06:30:00.000Z',
    );
  }, 5_000);

  it.each(['0 9 30 2 *', '0 9 31 4 *', '0 9 31 2,4,6,9,11 *', '0 9 30,31 feb *'])(
    'refuses %j when subscribing, naming the schedule',
    async (schedule) => {
      const r = await subscribe('--schedule', schedule);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${schedule}"`);
      expect(r.stderr).toMatch(/never occurs in month .* so it would never fire.* \[USAGE\]\n$/);
    },
    20_000,
  );

  it('accepts 30 February with a weekday, which fires on that weekday (Vixie either-day rule)', () => {
    const spec = parseSchedule('0 9 30 2 mon');
    expect(nextSlot(spec, 'UTC', NOW)?.toISOString()).toBe('2027-02-01T09:00:00.000Z');
  });

  it('subscribes a 29 February digest and names its next slot', async () => {
    const r = await subscribe('--schedule', '0 9 29 2 *', '--timezone', 'Europe/London');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/next \w{3} 29 Feb \d{4}, 09:00 \(Europe\/London\)/);
    expect(r.stdout).not.toMatch(/no next slot/);
  }, 20_000);
});
