import { describe, expect, it } from 'vitest';
import { describeDuration, describeRate, describeTimeLeft, finishedRunLine, ImportPace, paceLine } from '../../../lib/import/pace';

/** Readings every second at a steady `perSecond` share of the file, from `fraction` at time `from` (ms). */
function readSteadily(pace: ImportPace, from: number, fraction: number, seconds: number, perSecond: number): { at: number; fraction: number } {
  let at = from;
  let read = fraction;
  for (let s = 0; s < seconds; s++) {
    at += 1000;
    read += perSecond;
    pace.observe(at, read);
  }
  return { at, fraction: read };
}

describe('time left of an import', () => {
  it('says nothing before two seconds or before a hundredth of the file', () => {
    const early = new ImportPace(0, 0);
    early.observe(1500, 0.2);
    expect(early.msLeft(1500)).toBeNull();
    const slow = new ImportPace(0, 0);
    slow.observe(10_000, 0.005);
    expect(slow.msLeft(10_000)).toBeNull();
    expect(new ImportPace(0, 0).msLeft(60_000)).toBeNull();
  });

  it('reads a steady import straight on: a tenth in ten seconds leaves ninety', () => {
    const pace = new ImportPace(0, 0);
    const { at } = readSteadily(pace, 0, 0, 10, 0.01);
    expect(pace.msLeft(at)).toBeCloseTo(90_000, -1);
  });

  it('counts from where a continued import started in the file, not from its beginning', () => {
    const pace = new ImportPace(0, 0.6);
    const { at } = readSteadily(pace, 0, 0.6, 10, 0.01);
    // 0.3 of the file left at 0.01 a second.
    expect(pace.msLeft(at)).toBeCloseTo(30_000, -1);
  });

  it('follows an import that slows down by the last two minutes, not by its average since the start', () => {
    const pace = new ImportPace(0, 0);
    const fast = readSteadily(pace, 0, 0, 150, 0.004);
    const slow = readSteadily(pace, fast.at, fast.fraction, 150, 0.001);
    // 0.25 left at 0.001 a second: 250 s; the average since the start (0.0025 a second) would say 100 s.
    expect(pace.msLeft(slow.at)).toBeCloseTo(250_000, -2);
  });

  it('reads a rate over the stretch since the start until two minutes have passed', () => {
    const pace = new ImportPace(0, 0);
    const fast = readSteadily(pace, 0, 0, 30, 0.01);
    const slow = readSteadily(pace, fast.at, fast.fraction, 30, 0.005);
    // 0.45 read in 60 s: 0.0075 a second, 0.55 left.
    expect(pace.msLeft(slow.at)).toBeCloseTo((0.55 / 0.0075) * 1000, -2);
  });

  it('takes the time since the last reading off what is left', () => {
    const pace = new ImportPace(0, 0);
    const { at } = readSteadily(pace, 0, 0, 10, 0.01);
    expect(pace.msLeft(at + 5000)).toBeCloseTo(85_000, -1);
    expect(pace.msLeft(at + 200_000)).toBe(0);
  });

  it('says nothing while the file has not moved', () => {
    const pace = new ImportPace(0, 0.3);
    for (let at = 1000; at <= 10_000; at += 1000) pace.observe(at, 0.3);
    expect(pace.msLeft(10_000)).toBeNull();
  });
});

describe('the words for it', () => {
  it('rounds time left to minutes, and hours past an hour', () => {
    expect(describeTimeLeft(20_000)).toBe('less than a minute left');
    expect(describeTimeLeft(59_999)).toBe('less than a minute left');
    expect(describeTimeLeft(4.4 * 60_000)).toBe('about 4 min left');
    expect(describeTimeLeft(80 * 60_000)).toBe('about 1 h 20 min left');
  });

  it('gives durations in seconds, minutes and seconds, or hours and minutes', () => {
    expect(describeDuration(840)).toBe('0.8 s');
    expect(describeDuration(12_400)).toBe('12 s');
    expect(describeDuration(200_000)).toBe('3 min 20 s');
    expect(describeDuration(3_900_000)).toBe('1 h 5 min');
  });

  it('gives a rate only over two seconds or more, whole above ten a second', () => {
    expect(describeRate(5, 900)).toBeNull();
    expect(describeRate(0, 10_000)).toBeNull();
    expect(describeRate(52_400, 200_000)).toBe('262 articles a second');
    expect(describeRate(12_000, 1_000)).toBeNull();
    expect(describeRate(12_000, 2_000)).toBe('6,000 articles a second');
    expect(describeRate(7, 2_000)).toBe('3.5 articles a second');
  });

  it('joins the rate and the time left, leaving out what is not known yet', () => {
    expect(paceLine(52_400, 200_000, 4 * 60_000)).toBe('262 articles a second · about 4 min left');
    expect(paceLine(0, 3_000, 4 * 60_000)).toBe('about 4 min left');
    expect(paceLine(500, 3_000, null)).toBe('167 articles a second');
    expect(paceLine(0, 500, null)).toBeNull();
  });

  it('sums up a finished run, with its rate when it lasted long enough to have one', () => {
    expect(finishedRunLine(51_200, 200_000)).toBe('This run stored 51,200 articles in 3 min 20 s (256 articles a second).');
    expect(finishedRunLine(1, 300)).toBe('This run stored 1 article in 0.3 s.');
  });
});

describe('readings kept', () => {
  it('keeps about four readings a second however many records come, and still reads the latest', () => {
    const pace = new ImportPace(0, 0);
    for (let at = 1; at <= 60_000; at++) pace.observe(at, at / 600_000);
    const kept = (pace as unknown as { readings: unknown[] }).readings.length;
    expect(kept).toBeLessThanOrEqual(4 * 60 + 2);
    // A tenth read in 60 s: 540 s left.
    expect(pace.msLeft(60_000)).toBeCloseTo(540_000, -2);
  });
});
