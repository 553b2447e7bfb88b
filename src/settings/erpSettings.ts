/**
 * Installation-wide values from ecom_settings, with the contract's defaults.
 */
import { Decimal, parseDecimal } from '../decimal/decimal';
import type { SettingRow } from '../erp/port';

export interface ErpSettings {
  /** The list for anonymous callers and customers without one; null only if the ERP breaks the contract. */
  defaultPriceList: string | null;
  currency: string;
  /** IANA zone in which "today" is taken for validity dates. */
  timeZone: string;
  /** Available below this is LOW_STOCK. */
  lowStockThreshold: Decimal;
}

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function readErpSettings(rows: readonly SettingRow[]): ErpSettings {
  const byKey = new Map(rows.map((r) => [r.key.trim(), r.value === null ? null : r.value.trim()]));
  const text = (key: string) => {
    const v = byKey.get(key);
    return v === undefined || v === null || v === '' ? null : v;
  };
  const zone = text('time_zone');
  const threshold = text('low_stock_threshold');
  return {
    defaultPriceList: text('default_price_list'),
    currency: text('currency') ?? 'EUR',
    timeZone: zone !== null && isValidTimeZone(zone) ? zone : 'Europe/Rome',
    lowStockThreshold: (threshold !== null ? parseDecimal(threshold) : null) ?? new Decimal(5),
  };
}

/** The calendar date ("YYYY-MM-DD") of an instant in a time zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
