import { describe, expect, it } from 'vitest';
import { calendarDateOf, epochMillisOf } from '../../../src/reporters/shared/iso-instant.js';

describe('epochMillisOf', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0],
    ['2024-03-01T10:00:00Z', 1709287200000],
    ['2024-05-17T08:30:00+02:00', 1715927400000],
    ['2024-05-17T06:30:00-00:00', 1715927400000],
    ['2024-05-16T23:30:00-0700', 1715927400000],
    ['2000-02-29T12:00:00.25Z', 951825600250],
    ['1969-12-31T23:59:59Z', -1000],
    ['2024-01-02', 1704153600000],
  ])('reads %s as %d ms since the epoch', (iso, millis) => {
    expect(epochMillisOf(iso)).toBe(millis);
  });

  it('orders instants, not strings: a later local time in a zone east of UTC can be earlier', () => {
    const east = epochMillisOf('2024-05-17T08:30:00+02:00') ?? Number.NaN;
    const utc = epochMillisOf('2024-05-17T07:00:00Z') ?? Number.NaN;
    expect(east).toBeLessThan(utc);
  });

  it('agrees with Date.parse across two centuries, leap years and offsets', () => {
    const offsets = ['Z', '+05:30', '-08:00', '+14:00'];
    for (let day = -25_567; day < 47_482; day += 37) {
      const utc = new Date(day * 86_400_000 + (day % 86_400) * 1000).toISOString().replace('.000Z', '');
      for (const offset of offsets) {
        const iso = `${utc}${offset}`;
        expect(epochMillisOf(iso), iso).toBe(Date.parse(iso));
      }
    }
  });

  it.each(['', 'yesterday', '17/05/2024', '2024-05-17T08:30:00+2'])('returns undefined for %j', (text) => {
    expect(epochMillisOf(text)).toBeUndefined();
  });
});

describe('calendarDateOf', () => {
  it('keeps the date as the author wrote it, in their own zone', () => {
    expect(calendarDateOf('2024-05-17T00:30:00+02:00')).toBe('2024-05-17');
  });

  it('returns text that is not an ISO date unchanged', () => {
    expect(calendarDateOf('unknown')).toBe('unknown');
  });
});
