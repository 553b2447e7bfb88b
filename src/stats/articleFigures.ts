/**
 * One article's figures and class (warehouse-statistics.md, Figures), from
 * the aggregates the ERP computed. Every figure is an exact quotient of
 * integer thousandths, rounded half-up once; thresholds are compared with
 * the unrounded quotients, by cross-multiplying, never by dividing.
 */
import type { ArticleStatsAggregateRow } from '../erp/statsRows';
import { compact, divRoundHalfUp, type Ratio } from './scaledMath';
import type { ArticleFigures, MovementClass } from './statsModel';

/** The thresholds as exact fractions, and the first day that still counts as a recent sale. */
export interface ClassRules {
  fast: Ratio;
  slow: Ratio;
  excessCover: Ratio;
  /** D − stats_dead_days + 1: a sale from this day on keeps stock from being DEAD. */
  deadFrom: string;
}

const DAYS_90 = 90n;
const DAYS_365 = 365n;

export function articleFigures(row: ArticleStatsAggregateRow, rules: ClassRules): ArticleFigures {
  const onHand = row.onHand;
  // Sales are negative movements: the figures count them as positive amounts, returns reduce them.
  const sold30 = -row.sale30;
  const sold90 = -row.sale90;
  const sold365 = -row.sale365;
  // 365 · averageStock365 = 365 · onHand − Σ qᵢ · (dayᵢ − (D − 364)): kept multiplied by 365 so it stays an integer.
  const stock365Times365 = DAYS_365 * onHand - row.weighted365;

  const averageDailySales = divRoundHalfUp(sold90, DAYS_90);
  // onHand / (sold90 / 90) in tenths = onHand · 900 / sold90.
  const daysOfCover = sold90 > 0n ? divRoundHalfUp(onHand * 900n, sold90) : null;
  const averageStock365 = divRoundHalfUp(stock365Times365, DAYS_365);
  // sold365 / (stock365Times365 / 365) in hundredths.
  const turnover365 = stock365Times365 > 0n ? divRoundHalfUp(sold365 * DAYS_365 * 100n, stock365Times365) : null;

  const movementClass = classOf(row, rules, { onHand, sold365, stock365Times365 });
  // daysOfCover > excess ⇔ 90 · onHand · den > num · sold90 (sold90 > 0), in thousandths on both sides.
  const excessCover = sold90 > 0n && DAYS_90 * onHand * rules.excessCover.den > rules.excessCover.num * sold90;
  return {
    sku: row.sku,
    description: row.description,
    unit: row.unit,
    family: row.familyCode,
    onHand: compact(onHand),
    sold30: compact(sold30),
    sold90: compact(sold90),
    sold365: compact(sold365),
    pickCount365: row.picks365,
    lastSale: row.lastSale,
    lastMovement: row.lastMovement,
    averageDailySales: compact(averageDailySales),
    daysOfCover: daysOfCover === null ? null : compact(daysOfCover),
    averageStock365: compact(averageStock365),
    turnover365: turnover365 === null ? null : compact(turnover365),
    class: movementClass,
    abc: null,
    toClear: onHand > 0n && (movementClass === 'DEAD' || excessCover),
  };
}

/** The first class that applies, in the spec's order. */
function classOf(
  row: ArticleStatsAggregateRow,
  rules: ClassRules,
  f: { onHand: bigint; sold365: bigint; stock365Times365: bigint },
): MovementClass {
  if (f.onHand <= 0n && f.sold365 <= 0n) return 'NONE';
  if (f.onHand > 0n && (row.lastSale === null || row.lastSale < rules.deadFrom)) return 'DEAD';
  // turnover = 365 · sold365 / stock365Times365; compared as turnover · den ≥ num, both sides times the positive divisor.
  const turnoverKnown = f.stock365Times365 > 0n;
  const scaledSales = DAYS_365 * f.sold365;
  if (turnoverKnown ? scaledSales * rules.fast.den >= rules.fast.num * f.stock365Times365 : f.sold365 > 0n) return 'FAST';
  if (!turnoverKnown || scaledSales * rules.slow.den < rules.slow.num * f.stock365Times365) return 'SLOW';
  return 'REGULAR';
}
