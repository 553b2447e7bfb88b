/**
 * What the contract (erp-contract.md, ecom_settings) says applies when the
 * ERP leaves a setting out. Written once: the settings reader, the demo ERP,
 * the readiness probe and the benchmark must all agree on them.
 */
export const DEFAULTS = {
  /** `time_zone`: "today" for validity dates is the date in this zone. */
  timeZone: 'Europe/Rome',
  /** `currency`. */
  currency: 'EUR',
  /** `language`: the language of messages when the caller sends no Accept-Language. */
  language: 'it',
  /** `low_stock_threshold`, as decimal text: available below it is LOW_STOCK. */
  lowStockThreshold: '5',
  /** `stats_dead_days`: stock with no sale in this many days is DEAD (warehouse-statistics.md). */
  statsDeadDays: 180,
  /** `stats_excess_cover_days`, as decimal text: more days of cover than this is to clear. */
  statsExcessCoverDays: '365',
  /** `stats_fast_turnover`, as decimal text: a yearly turnover from here up is FAST. */
  statsFastTurnover: '6',
  /** `stats_slow_turnover`, as decimal text: a yearly turnover below this is SLOW. */
  statsSlowTurnover: '1',
} as const;
