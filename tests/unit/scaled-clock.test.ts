import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { scaledClock } from '../../src/schedule/clock.ts';

describe('BRIEFWIRE_CLOCK', () => {
  it('reads a start, a speed and a real anchor, and leaves the real clock by default', () => {
    const config = loadConfig({
      BRIEFWIRE_CLOCK: '2026-05-04T08:00:00Z x600 @2026-12-01T10:00:00Z',
    });
    expect(config.clock).toEqual({
      start: new Date('2026-05-04T08:00:00Z'),
      speed: 600,
      anchorMs: Date.parse('2026-12-01T10:00:00Z'),
    });
    expect(loadConfig({}).clock).toBeNull();
    const plain = loadConfig({ BRIEFWIRE_CLOCK: '2026-05-04T08:00:00Z' }).clock;
    expect(plain?.speed).toBe(1);
    expect(Math.abs((plain?.anchorMs ?? 0) - Date.now())).toBeLessThan(5_000);
  });

  it.each([
    'tomorrow',
    '2026-05-04T08:00:00Z x0',
    '2026-05-04T08:00:00Z x-3',
    '2026-05-04T08:00:00Z @soon',
  ])('refuses %j, naming the variable', (value) => {
    expect(() => loadConfig({ BRIEFWIRE_CLOCK: value })).toThrow(/BRIEFWIRE_CLOCK: must be START/);
  });
});

describe('a scaled clock', () => {
  it('agrees between two clocks of one setting, and runs at its speed', async () => {
    const setting = { start: new Date('2026-05-04T08:00:00Z'), speed: 3_600, anchorMs: Date.now() };
    const [a, b] = [scaledClock(setting), scaledClock(setting)];
    const realBefore = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shown = a.now().getTime();
    const real = Date.now() - setting.anchorMs;
    expect(Math.abs(b.now().getTime() - shown)).toBeLessThan(3_600 * 5);
    expect(shown - setting.start.getTime()).toBeGreaterThanOrEqual(
      (realBefore + 50 - setting.anchorMs) * 3_600 - 3_600,
    );
    expect(shown - setting.start.getTime()).toBeLessThanOrEqual(real * 3_600 + 3_600);
  });

  it('wakes at the start of each of its minutes', async () => {
    // 600× real time: a minute passes every 100 ms.
    const clock = scaledClock({
      start: new Date('2026-05-04T08:00:30Z'),
      speed: 600,
      anchorMs: Date.now(),
    });
    const seen: number[] = [];
    const ticker = clock.everyMinute(() => seen.push(clock.now().getTime()));
    await new Promise((resolve) => setTimeout(resolve, 450));
    await ticker.stop();
    const count = seen.length;
    expect(count).toBeGreaterThanOrEqual(2);
    // Each wake-up comes after a minute's start (within a busy machine's timer delay), never twice in one minute.
    const minutes = seen.map((t) => Math.floor(t / 60_000));
    expect(new Set(minutes).size).toBe(minutes.length);
    for (const t of seen) expect(t % 60_000).toBeLessThan(45_000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(seen.length).toBe(count);
  });
});
