/**
 * Which days count (warehouse-statistics.md, Scope): "in the last N days"
 * is days D − N + 1 … D, both included, D being today in the ERP's zone.
 */
import type { StatsWindowDays } from '../erp/statsRows';

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" (any time after it ignored) as days since 1970-01-01. */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** The "YYYY-MM-DD" of a dayNumber. */
export function dayOfNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day `days` after `date` (negative: before), both "YYYY-MM-DD". */
export function addDays(date: string, days: number): string {
  return dayOfNumber(dayNumber(date) + days);
}

/** The first day of "the last N days" ending on `asOf`. */
export function firstDayOfLast(days: number, asOf: string): string {
  return addDays(asOf, 1 - days);
}

export function statsWindowDays(asOf: string): StatsWindowDays {
  return { asOf, dayAfter: addDays(asOf, 1), from30: firstDayOfLast(30, asOf), from90: firstDayOfLast(90, asOf), from365: firstDayOfLast(365, asOf) };
}
