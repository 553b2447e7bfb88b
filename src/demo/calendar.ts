/**
 * The demo's calendar: whole days since 1970-01-01 in UTC, so no time zone
 * or daylight-saving change can move a generated date.
 */
import type { Random } from './random';

const MS_PER_DAY = 86_400_000;

export function parseDay(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (new Date(ms).toISOString().slice(0, 10) === text) return ms / MS_PER_DAY;
  }
  throw new RangeError(`today must be a valid date as YYYY-MM-DD, got ${JSON.stringify(text)}`);
}

/** Day numbers repeat a lot (hundreds of thousands of movements over 365 days): memoised, as toISOString is slow. */
const dayTexts = new Map<number, string>();
export function formatDay(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}
export const yearOf = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

export function endOfMonth(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / MS_PER_DAY;
}

/** Moves a Saturday or Sunday back to the Friday: offices do not issue documents at weekends. */
export function workingDayOnOrBefore(day: number): number {
  const w = weekday(day);
  return w === 6 ? day - 1 : w === 0 ? day - 2 : day;
}

/** Moves a Saturday or Sunday forward to the Monday: couriers deliver on working days. */
export function workingDayOnOrAfter(day: number): number {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

/** An ISO 8601 datetime (datetime2, no offset) during working hours. */
export function workingTime(rnd: Random, day: number): string {
  const hh = String(rnd.int(7, 18)).padStart(2, '0');
  const mm = String(rnd.int(0, 59)).padStart(2, '0');
  const ss = String(rnd.int(0, 59)).padStart(2, '0');
  return `${formatDay(day)}T${hh}:${mm}:${ss}`;
}

