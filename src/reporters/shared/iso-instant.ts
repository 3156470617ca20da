// YYYY-MM-DD, optionally THH:MM[:SS[.fff]], optionally Z or a ±HH[:]MM offset: what `git log --format=%aI` prints.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function offsetMinutesOf(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/**
 * Milliseconds since 1970-01-01T00:00:00Z of an ISO 8601 date such as `2024-05-17T08:30:00+02:00`,
 * or undefined when the text is not one. A date without a zone counts as UTC. Commit dates carry
 * their author's offset, so comparing the strings would misorder commits made in different zones.
 * Computed by hand because reporters never use the clock API (see test/reporters/purity.test.ts).
 */
export function epochMillisOf(iso: string): number | undefined {
  const match = ISO_8601.exec(iso.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const days = daysFromCivil(Number(year), Number(month), Number(day));
  const minutes = days * 1440 + Number(hour ?? 0) * 60 + Number(minute ?? 0) - offsetMinutesOf(zone);
  const millis = Number((fraction ?? '').padEnd(3, '0').slice(0, 3));
  return (minutes * 60 + Number(second ?? 0)) * 1000 + millis;
}

/** The calendar date (`YYYY-MM-DD`) at the start of an ISO 8601 date, in its own zone; the text itself otherwise. */
export function calendarDateOf(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}
