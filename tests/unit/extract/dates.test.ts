import { describe, expect, it } from 'vitest';
import { dateFromUrl, datelineDate, instantOf, normalizeDate } from '../../../lib/extract/dates';

describe('normalizeDate', () => {
  it.each([
    ['2021-08-16', '2021-08-16'],
    ['2021-08-16T14:42:50Z', '2021-08-16T14:42:50Z'],
    ['2021-08-16T14:42:50.000Z', '2021-08-16T14:42:50Z'],
    ['2017-11-24T18:42:20.314667', '2017-11-24T18:42:20.314'],
    ['2021-08-16T09:30:00+0200', '2021-08-16T09:30:00+02:00'],
    ['2021-08-16T09:30:00+00:00', '2021-08-16T09:30:00Z'],
    ['2021-08-16 12:34', '2021-08-16T12:34:00'],
    ['20210816', '2021-08-16'],
    ['2021/08/16', '2021-08-16'],
    ['16.08.2021', '2021-08-16'],
    ['16.08.2021, 18:02', '2021-08-16T18:02:00'],
    ['Mon, 16 Aug 2021 10:00:00 GMT', '2021-08-16T10:00:00Z'],
    ['Thu Sep 16 2021 03:52:10 GMT+0000 (Coordinated Universal Time)', '2021-09-16T03:52:10Z'],
    ['August 16, 2021', '2021-08-16'],
    ['Aug. 16, 2021, 10:07am EDT', '2021-08-16T10:07:00-04:00'],
    ['August 16, 2021 10:31 PM', '2021-08-16T22:31:00'],
    ['16 August 2021', '2021-08-16'],
    ['1629125000', '2021-08-16T14:43:20Z'],
    ['1629125000000', '2021-08-16T14:43:20Z'],
  ])('%s → %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each(['', 'yesterday', '2021-02-30', '2021-13-01', '12:30', '2021-08-16T10:00:00 Mars time'])('rejects %j', (raw) => {
    expect(normalizeDate(raw)).toBeUndefined();
  });
});

describe('instantOf', () => {
  it('compares dates by the instant they name, reading zone-less values as UTC', () => {
    expect(instantOf('2021-08-16T16:38:00+02:00')).toBe(instantOf('2021-08-16T14:38:00Z'));
    expect(instantOf('2021-08-16')).toBe(Date.UTC(2021, 7, 16));
    expect(instantOf('2021-08-16T10:00:00')).toBe(Date.UTC(2021, 7, 16, 10));
    expect(instantOf('soon')).toBeUndefined();
  });
});

describe('dateFromUrl', () => {
  it.each([
    ['https://www.forbes.com/sites/roberthart/2021/08/16/china-and-russia-court-taliban/?sh=3bb7a55d428f', '2021-08-16'],
    ['https://www.theguardian.com/world/2021/aug/16/russia-taliban', '2021-08-16'],
    ['https://example.com/world/russia-taliban-2021-08-16/', '2021-08-16'],
    ['https://example.com/news/20210816/russia-taliban', '2021-08-16'],
  ])('%s', (url, iso) => {
    expect(dateFromUrl(url).iso).toBe(iso);
  });

  it('gives the year alone when the path holds only a year', () => {
    expect(dateFromUrl('https://example.com/2021/russia-taliban')).toEqual({ year: 2021 });
  });

  it('ignores numbers that are not dates', () => {
    expect(dateFromUrl('https://example.com/story/2021/99/99/x')).toEqual({ year: 2021 });
    expect(dateFromUrl('https://theweek.com/speedreads/1003830/russia')).toEqual({});
    expect(dateFromUrl(undefined)).toEqual({});
  });
});

describe('datelineDate', () => {
  it('reads a wire dateline with the year from elsewhere', () => {
    expect(datelineDate('MOSCOW, Aug 16 (Reuters) - Russia will keep its embassy open.', 2021)).toBe('2021-08-16');
  });

  it('reads a dateline that states its year, with a region and another agency', () => {
    expect(datelineDate('KABUL, Afghanistan, 16 August 2021 (AFP) – The Taliban said…')).toBe('2021-08-16');
  });

  it('takes the year of a later date and steps back a year when the day would fall after it', () => {
    expect(datelineDate('MOSCOW, Aug 16 (Reuters) - Text', undefined, '2021-08-17T10:00:00Z')).toBe('2021-08-16');
    expect(datelineDate('MOSCOW, Dec 30 (Reuters) - Text', undefined, '2022-01-03')).toBe('2021-12-30');
  });

  it('needs a capitalised place at the start and a year from somewhere', () => {
    expect(datelineDate('Moscow said on Aug 16 - that it would stay.', 2021)).toBeUndefined();
    expect(datelineDate('MOSCOW, Aug 16 (Reuters) - Text')).toBeUndefined();
    expect(datelineDate('The embassy stays open, officials said on Monday.', 2021)).toBeUndefined();
  });
});
