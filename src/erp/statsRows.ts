/**
 * What the ERP answers for warehouse statistics (warehouse-statistics.md):
 * per-article aggregates computed by the database, never the movement rows
 * themselves. Quantities are integer thousandths (decimal(18,3) scaled by
 * 1000), so sums are exact in both dialects; the statement gives them as
 * text and they are read as bigints. A scope's rows travel as columns
 * (statsAggregates.ts).
 */
import type { DateString } from './port';

/** Integer thousandths of a quantity (-12500n is −12.5). */
export type Milli = bigint;

/** The days that bound the windows, all "YYYY-MM-DD" in the ERP's local calendar. */
export interface StatsWindowDays {
  /** D: movements after it are ignored. */
  asOf: DateString;
  /** D + 1: movements from it on are ignored. */
  dayAfter: DateString;
  /** D − 29, D − 89, D − 364: the first day of the last 30 / 90 / 365 days. */
  from30: DateString;
  from90: DateString;
  from365: DateString;
}

export interface StatsAggregateQuery extends StatsWindowDays {
  /** One warehouse's movements and stock; null for every warehouse. */
  warehouse: string | null;
  /**
   * Only the articles with skuFrom ≤ sku < skuTo (null: unbounded), so the
   * work can be split over several connections (articleSkuSplits).
   */
  skuFrom?: string | null;
  skuTo?: string | null;
}

/** One listed article: active, with a stock row or a movement in scope in the last 365 days. */
export interface ArticleStatsAggregateRow {
  sku: string;
  description: string;
  unit: string;
  familyCode: string | null;
  /** Σ on_hand in scope; 0 when the article has no stock row in scope. */
  onHand: Milli;
  /** Σ quantity of SALE movements in the last 30 / 90 / 365 days (signed: sales are negative). */
  sale30: Milli;
  sale90: Milli;
  sale365: Milli;
  /** SALE movements with quantity < 0 in the last 365 days. */
  picks365: number;
  /** Latest day of a SALE with quantity < 0 up to D; null if none. */
  lastSale: DateString | null;
  /** Latest day of any movement up to D; null if none. */
  lastMovement: DateString | null;
  /** Σ qᵢ · (dayᵢ − (D − 364)) over the movements of days D − 364 … D (day D − 364 weighs 0). */
  weighted365: Milli;
}

export interface DailyMovementQuery {
  skus: readonly string[];
  warehouse: string | null;
  /** Days after `after` up to `asOf`, both as "YYYY-MM-DD". */
  after: DateString;
  asOf: DateString;
}

/** Σ quantity of one article's movements on one day in scope. */
export interface DailyMovementRow {
  sku: string;
  day: DateString;
  /** Integer thousandths, as text ("-12500" is −12.5). */
  quantity: string;
}
