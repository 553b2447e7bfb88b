/**
 * TEST ORACLE for warehouse statistics — not production code.
 *
 * The figures of /shared/spec/warehouse-statistics.md computed the naive way,
 * straight from the ERP rows, one article and one movement at a time, in
 * exact arithmetic (bigint thousandths for the sums, src/decimal for the
 * quotients), following the page line by line so that it
 * can be compared with the production implementation. Thresholds are
 * compared on the unrounded figures (cross-multiplied, so no division can
 * round them); the printed figures are rounded half-up once, as the page says.
 */
import type { PrintedFigures } from '../../src/stats/printedFigures';
import type Database from 'better-sqlite3';
import { Decimal, formatPlain, roundHalfUp } from '../../src/decimal/decimal';

export type OracleClass = 'FAST' | 'REGULAR' | 'SLOW' | 'DEAD' | 'NONE';
export const ORACLE_CLASSES: readonly OracleClass[] = ['FAST', 'REGULAR', 'SLOW', 'DEAD', 'NONE'];

export interface OracleSettings {
  deadDays: number;
  excessCoverDays: number;
  fastTurnover: Decimal;
  slowTurnover: Decimal;
}

export interface OracleOptions {
  /** D, "today" in the ERP's time zone, as YYYY-MM-DD. */
  today: string;
  /** Scope: one warehouse code; omitted = every warehouse. */
  warehouse?: string;
}

/** The figures as the API prints them (the shape only: the oracle computes them on its own). */
export interface OracleArticleStats extends PrintedFigures {
  sku: string;
}

const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const plain = (value: Decimal, places: number): string => formatPlain(roundHalfUp(value, places));
/** A stored decimal(18,3) as an exact count of thousandths. */
function thousandths(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,3}))?$/.exec(text);
  if (!match) throw new TypeError(`not a decimal(18,3): ${text}`);
  const value = BigInt(match[2]) * 1000n + BigInt((match[3] ?? '').padEnd(3, '0'));
  return match[1] === '-' ? -value : value;
}
const decimal = (units: bigint): Decimal => new Decimal(units.toString()).div(1000);

/** The `ecom_settings` thresholds, with the page's defaults for missing keys. */
export function oracleSettings(db: Database.Database): OracleSettings {
  const value = (key: string): string | undefined =>
    (db.prepare('SELECT setting_value AS v FROM ecom_settings WHERE setting_key = ?').get(key) as { v: string | null } | undefined)?.v ?? undefined;
  return {
    deadDays: Number(value('stats_dead_days') ?? 180),
    excessCoverDays: Number(value('stats_excess_cover_days') ?? 365),
    fastTurnover: new Decimal(value('stats_fast_turnover') ?? 6),
    slowTurnover: new Decimal(value('stats_slow_turnover') ?? 1),
  };
}

interface Movement {
  day: number;
  date: string;
  /** Thousandths. */
  quantity: bigint;
  reason: string;
}

/** Every listed article's figures, by sku ascending. */
export function oracleWarehouseStats(db: Database.Database, options: OracleOptions): OracleArticleStats[] {
  const settings = oracleSettings(db);
  const D = dayNumber(options.today);
  const inScope = (warehouse: string): boolean => options.warehouse === undefined || warehouse === options.warehouse;

  const onHand = new Map<string, bigint>();
  for (const row of db.prepare('SELECT sku, warehouse_code, on_hand FROM ecom_stock').all() as Array<{ sku: string; warehouse_code: string; on_hand: string }>) {
    if (inScope(row.warehouse_code)) onHand.set(row.sku, (onHand.get(row.sku) ?? 0n) + thousandths(row.on_hand));
  }
  const movements = new Map<string, Movement[]>();
  const days = new Map<string, number>();
  for (const row of db.prepare('SELECT sku, warehouse_code, moved_at, quantity, reason FROM ecom_stock_movements').all() as Array<{
    sku: string; warehouse_code: string; moved_at: string; quantity: string; reason: string;
  }>) {
    const date = row.moved_at.slice(0, 10);
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = dayNumber(date)));
    // Movements dated after D are ignored.
    if (!inScope(row.warehouse_code) || day > D) continue;
    const list = movements.get(row.sku) ?? [];
    list.push({ day, date, quantity: thousandths(row.quantity), reason: row.reason });
    movements.set(row.sku, list);
  }

  const lastDays = (n: number) => (m: Movement): boolean => m.day >= D - n + 1 && m.day <= D;
  const sold = (list: Movement[], n: number): bigint =>
    list.filter((m) => m.reason === 'SALE' && lastDays(n)(m)).reduce((sum, m) => sum - m.quantity, 0n);
  const isPick = (m: Movement): boolean => m.reason === 'SALE' && m.quantity < 0n;

  const articles = db.prepare('SELECT sku FROM ecom_articles WHERE active = 1 ORDER BY sku').all() as Array<{ sku: string }>;
  const result: OracleArticleStats[] = [];
  for (const { sku } of articles) {
    const list = movements.get(sku) ?? [];
    if (!onHand.has(sku) && !list.some(lastDays(365))) continue;
    const stock = onHand.get(sku) ?? 0n;
    const sold30 = sold(list, 30);
    const sold90 = sold(list, 90);
    const sold365 = sold(list, 365);
    const picks = list.filter(isPick);
    const pickCount365 = picks.filter(lastDays(365)).length;
    const latest = (ms: Movement[]): string | null => (ms.length === 0 ? null : ms.reduce((a, b) => (b.day > a.day ? b : a)).date);

    // averageStock365 = onHand − Σ qᵢ · (dayᵢ − (D − 364)) / 365 over days D − 363 … D; kept as numerator / 365.
    const start = D - 364;
    const averageNumerator = list
      .filter((m) => m.day >= D - 363 && m.day <= D)
      .reduce((sum, m) => sum - m.quantity * BigInt(m.day - start), stock * 365n);
    const turnover = averageNumerator <= 0n ? null : decimal(sold365 * 365n).div(decimal(averageNumerator));
    const fast = BigInt(settings.fastTurnover.times(1000).toFixed(0));
    const slow = BigInt(settings.slowTurnover.times(1000).toFixed(0));

    let klass: OracleClass;
    if (stock <= 0n && sold365 <= 0n) klass = 'NONE';
    else if (stock > 0n && !picks.some(lastDays(settings.deadDays))) klass = 'DEAD';
    // turnover ≥ fast ⇔ sold365 · 365 ≥ fast · numerator (numerator > 0); thresholds in thousandths.
    else if (turnover === null ? sold365 > 0n : sold365 * 365n * 1000n >= fast * averageNumerator) klass = 'FAST';
    else if (turnover === null || sold365 * 365n * 1000n < slow * averageNumerator) klass = 'SLOW';
    else klass = 'REGULAR';

    const coverAbove = sold90 > 0n && stock * 90n > sold90 * BigInt(settings.excessCoverDays);
    result.push({
      sku,
      onHand: formatPlain(decimal(stock)),
      sold30: formatPlain(decimal(sold30)),
      sold90: formatPlain(decimal(sold90)),
      sold365: formatPlain(decimal(sold365)),
      pickCount365,
      lastSale: latest(picks),
      lastMovement: latest(list),
      averageDailySales: plain(decimal(sold90).div(90), 3),
      daysOfCover: sold90 <= 0n ? null : plain(decimal(stock * 90n).div(decimal(sold90)), 1),
      averageStock365: plain(decimal(averageNumerator).div(365), 3),
      turnover365: turnover === null ? null : plain(turnover, 2),
      class: klass,
      abc: null,
      toClear: stock > 0n && (klass === 'DEAD' || coverAbove),
    });
  }

  // abc: by pickCount365 descending then sku; Cᵢ = the counts before article i.
  const picked = result.filter((r) => r.pickCount365 > 0).sort((a, b) => b.pickCount365 - a.pickCount365 || (a.sku < b.sku ? -1 : 1));
  const total = picked.reduce((sum, r) => sum + r.pickCount365, 0);
  let before = 0;
  for (const r of picked) {
    r.abc = before * 100 < 80 * total ? 'A' : before * 100 < 95 * total ? 'B' : 'C';
    before += r.pickCount365;
  }
  return result;
}

/** Articles per class, every class present (zeros included). */
export function classCounts(stats: readonly OracleArticleStats[]): Record<OracleClass, number> {
  const counts = Object.fromEntries(ORACLE_CLASSES.map((c) => [c, 0])) as Record<OracleClass, number>;
  for (const s of stats) counts[s.class]++;
  return counts;
}
