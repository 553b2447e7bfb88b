/**
 * Warehouse statistics, version 1 (warehouse-statistics.md): the names the
 * figures are given. Read this folder top to bottom: scaledMath (exact
 * arithmetic on thousandths), statsWindows (which days count), articleFigures
 * (one article's figures and class), abcClasses (picking frequency),
 * statsSnapshot (one scope's figures, filtered, ordered and paged),
 * stockHistory (the end-of-day stock behind a sparkline).
 */
import type { Decimal } from '../decimal/decimal';

export const MOVEMENT_CLASSES = ['FAST', 'REGULAR', 'SLOW', 'DEAD', 'NONE'] as const;
export type MovementClass = (typeof MOVEMENT_CLASSES)[number];

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

export const ARTICLE_STATS_ORDERS = ['SKU', 'DAYS_OF_COVER_DESC', 'SOLD_365_DESC', 'LAST_SALE_ASC', 'ON_HAND_DESC'] as const;
export type ArticleStatsOrder = (typeof ARTICLE_STATS_ORDERS)[number];

/** The `ecom_settings` keys of the statistics, read with their defaults (src/settings/erpSettings.ts). */
export interface StatsThresholds {
  /** `stats_dead_days` (default 180): stock with no sale in this many days is DEAD. */
  deadDays: number;
  /** `stats_excess_cover_days` (default 365): more days of cover than this is to clear. */
  excessCoverDays: Decimal;
  /** `stats_fast_turnover` (default 6): a yearly turnover from here up is FAST. */
  fastTurnover: Decimal;
  /** `stats_slow_turnover` (default 1): a yearly turnover below this is SLOW. */
  slowTurnover: Decimal;
}

/**
 * An integer count of a fixed fraction (thousandths, tenths, hundredths):
 * a number while it is a safe integer, a bigint beyond. The two compare
 * correctly with `<` and `>`, which is all ordering needs.
 */
export type Scaled = number | bigint;

/** One article's figures in one scope, every decimal as an exact scaled integer. */
export interface ArticleFigures {
  readonly sku: string;
  readonly description: string;
  readonly unit: string;
  readonly family: string | null;
  /** Thousandths. */
  readonly onHand: Scaled;
  readonly sold30: Scaled;
  readonly sold90: Scaled;
  readonly sold365: Scaled;
  readonly pickCount365: number;
  readonly lastSale: string | null;
  readonly lastMovement: string | null;
  /** Thousandths (3 dp). */
  readonly averageDailySales: Scaled;
  /** Tenths (1 dp); null when sold90 ≤ 0. */
  readonly daysOfCover: Scaled | null;
  /** Thousandths (3 dp). */
  readonly averageStock365: Scaled;
  /** Hundredths (2 dp); null when the average stock is ≤ 0. */
  readonly turnover365: Scaled | null;
  readonly class: MovementClass;
  /** Set once every article of the scope is known (abcClasses.ts). */
  abc: AbcClass | null;
  readonly toClear: boolean;
}

/** Digits after the point of each scaled figure, for printing. */
export const SCALE = { quantity: 3, averageDailySales: 3, daysOfCover: 1, averageStock365: 3, turnover365: 2 } as const;
