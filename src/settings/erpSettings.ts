/**
 * Installation-wide values from ecom_settings, with the contract's defaults.
 */
import { Decimal, parseDecimal } from '../decimal/decimal';
import type { SettingRow } from '../erp/port';
import { type Language, languageOfTag } from '../messages/language';
import type { StatsThresholds } from '../stats/statsModel';
import { DEFAULTS } from './defaults';

export interface ErpSettings {
  /** The list for anonymous callers and customers without one; null only if the ERP breaks the contract. */
  defaultPriceList: string | null;
  currency: string;
  /** IANA zone in which "today" is taken for validity dates. */
  timeZone: string;
  /** Available below this is LOW_STOCK. */
  lowStockThreshold: Decimal;
  /** The warehouse statistics' thresholds; a missing or unusable value is the spec's default. */
  stats: StatsThresholds;
  /** The language of messages for a caller whose Accept-Language names neither Italian nor English. */
  language: Language;
}

/**
 * One formatter per zone: building an Intl.DateTimeFormat costs ~150 µs and
 * memory outside the JS heap, and "today" is asked for on every price.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      // en-CA formats dates as YYYY-MM-DD.
      formatter = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      formatter = null;
    }
    // Zones come from one settings row; the map stays tiny, but bound it anyway.
    if (formatters.size > 100) formatters.clear();
    formatters.set(zone, formatter);
  }
  return formatter;
}

function isValidTimeZone(zone: string): boolean {
  return formatterFor(zone) !== null;
}

/** The settings rows read into typed values; done once, as the rows enter the cache (loaders/erpLoaders.ts). */
export function readErpSettings(rows: readonly SettingRow[]): ErpSettings {
  const byKey = new Map(rows.map((r) => [r.key.trim(), r.value === null ? null : r.value.trim()]));
  const text = (key: string) => {
    const v = byKey.get(key);
    return v === undefined || v === null || v === '' ? null : v;
  };
  const zone = text('time_zone');
  const threshold = text('low_stock_threshold');
  const language = text('language');
  return {
    defaultPriceList: text('default_price_list'),
    currency: text('currency') ?? DEFAULTS.currency,
    timeZone: zone !== null && isValidTimeZone(zone) ? zone : DEFAULTS.timeZone,
    lowStockThreshold: (threshold !== null ? parseDecimal(threshold) : null) ?? new Decimal(DEFAULTS.lowStockThreshold),
    stats: readStatsThresholds(text),
    // "it-IT" or "EN" read as the contract's "it" / "en"; anything else is the default, never a refusal to answer.
    language: (language !== null ? languageOfTag(language) : null) ?? DEFAULTS.language,
  };
}

/**
 * Day counts are whole and at least 1; turnovers and cover at least 0. A
 * value outside that (a typo in the ERP's settings) would make every article
 * DEAD or none FAST, so it reads as the default instead.
 */
function readStatsThresholds(text: (key: string) => string | null): StatsThresholds {
  const decimal = (key: string, fallback: string): Decimal => {
    const raw = text(key);
    const value = raw === null ? null : parseDecimal(raw);
    return value !== null && !value.isNegative() ? value : new Decimal(fallback);
  };
  const deadDays = Number(text('stats_dead_days') ?? Number.NaN);
  return {
    deadDays: Number.isSafeInteger(deadDays) && deadDays >= 1 && deadDays <= 36_500 ? deadDays : DEFAULTS.statsDeadDays,
    excessCoverDays: decimal('stats_excess_cover_days', DEFAULTS.statsExcessCoverDays),
    fastTurnover: decimal('stats_fast_turnover', DEFAULTS.statsFastTurnover),
    slowTurnover: decimal('stats_slow_turnover', DEFAULTS.statsSlowTurnover),
  };
}

/**
 * The calendar date ("YYYY-MM-DD") of an instant in a time zone.
 *
 * Every request needs "today" and Intl formatting costs microseconds, so the
 * last answer per zone is kept for its minute: every zone in use today is
 * offset from UTC by whole minutes, so a date cannot change within one.
 */
export function dateInZone(instant: Date, timeZone: string): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  const held = lastDates.get(timeZone);
  if (held && held.minute === minute) return held.date;
  // readErpSettings never hands out an invalid zone; a caller passing one
  // gets the contract's zone rather than an exception on every price.
  const formatter = formatterFor(timeZone) ?? formatterFor(DEFAULTS.timeZone)!;
  const date = formatter.format(instant);
  if (lastDates.size < MAX_ZONES || lastDates.has(timeZone)) lastDates.set(timeZone, { minute, date });
  return date;
}

const lastDates = new Map<string, { minute: number; date: string }>();
const MAX_ZONES = 64;
