/**
 * A run of articles' statistics aggregates held column by column: what
 * ErpPort.articleStatsAggregates answers.
 *
 * A scope has one aggregate row per listed article, 100k in a large
 * catalog. As objects they cost some 500 bytes each, and on SQLite they
 * exist three times at the peak (in the worker thread, in the structured
 * clone, in the main thread) before they become figures. As columns they
 * are five BigInt64Arrays, a Float64Array and two Int32Arrays that move between threads
 * without a copy (their buffers are transferred), and four string arrays.
 */
import { dayNumber, dayOfNumber } from '../stats/statsWindows';
import type { ArticleStatsAggregateRow } from './statsRows';

export interface ArticleStatsAggregates {
  readonly count: number;
  readonly sku: string[];
  readonly description: string[];
  readonly unit: string[];
  readonly familyCode: (string | null)[];
  /** Integer thousandths, one per article; see ArticleStatsAggregateRow for what each sums. */
  readonly onHand: BigInt64Array;
  readonly sale30: BigInt64Array;
  readonly sale90: BigInt64Array;
  readonly sale365: BigInt64Array;
  readonly weighted365: BigInt64Array;
  /** A count, exact to 2⁵³. */
  readonly picks365: Float64Array;
  /** Days since 1970-01-01 (dayNumber); NO_DAY when there is none. */
  readonly lastSale: Int32Array;
  readonly lastMovement: Int32Array;
}

/** The day of an article that has never been sold, or never moved. */
export const NO_DAY = -0x80000000;

/** A driver's value of an integer aggregate (text, number or bigint; null for none) as a bigint. */
function integer(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  return typeof value === 'bigint' ? value : BigInt(String(value));
}

function day(value: unknown): number {
  return value === null || value === undefined ? NO_DAY : dayNumber(String(value));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : String(value ?? '');
}

/**
 * Collects the driver's rows of the statement (named as ArticleStatsAggregateRow,
 * the sums as text or numbers) one at a time, so no array of row objects is
 * ever held; `build` trims the columns to the rows seen.
 */
export class ArticleStatsAggregatesBuilder {
  private count = 0;
  private capacity: number;
  private readonly strings = { sku: [] as string[], description: [] as string[], unit: [] as string[], familyCode: [] as (string | null)[] };
  private sums: Record<'onHand' | 'sale30' | 'sale90' | 'sale365' | 'weighted365', BigInt64Array>;
  private small: { picks365: Float64Array; lastSale: Int32Array; lastMovement: Int32Array };

  constructor(expectedRows = 1024) {
    this.capacity = Math.max(16, expectedRows);
    this.sums = this.allocateSums(this.capacity);
    this.small = this.allocateSmall(this.capacity);
  }

  push(row: Record<string, unknown>): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.strings.sku.push(text(row.sku));
    this.strings.description.push(text(row.description));
    this.strings.unit.push(text(row.unit));
    this.strings.familyCode.push(row.familyCode === null || row.familyCode === undefined ? null : String(row.familyCode));
    this.sums.onHand[i] = integer(row.onHand);
    this.sums.sale30[i] = integer(row.sale30);
    this.sums.sale90[i] = integer(row.sale90);
    this.sums.sale365[i] = integer(row.sale365);
    this.sums.weighted365[i] = integer(row.weighted365);
    this.small.picks365[i] = Number(row.picks365 ?? 0);
    this.small.lastSale[i] = day(row.lastSale);
    this.small.lastMovement[i] = day(row.lastMovement);
  }

  build(): ArticleStatsAggregates {
    const n = this.count;
    // Copies of exactly n entries: the slack must not travel with the buffers.
    return {
      count: n,
      ...this.strings,
      onHand: this.sums.onHand.slice(0, n),
      sale30: this.sums.sale30.slice(0, n),
      sale90: this.sums.sale90.slice(0, n),
      sale365: this.sums.sale365.slice(0, n),
      weighted365: this.sums.weighted365.slice(0, n),
      picks365: this.small.picks365.slice(0, n),
      lastSale: this.small.lastSale.slice(0, n),
      lastMovement: this.small.lastMovement.slice(0, n),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const sums = this.allocateSums(this.capacity);
    const small = this.allocateSmall(this.capacity);
    for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key].set(this.sums[key]);
    small.picks365.set(this.small.picks365);
    small.lastSale.set(this.small.lastSale);
    small.lastMovement.set(this.small.lastMovement);
    this.sums = sums;
    this.small = small;
  }

  private allocateSums(n: number) {
    return { onHand: new BigInt64Array(n), sale30: new BigInt64Array(n), sale90: new BigInt64Array(n), sale365: new BigInt64Array(n), weighted365: new BigInt64Array(n) };
  }

  private allocateSmall(n: number) {
    return { picks365: new Float64Array(n), lastSale: new Int32Array(n), lastMovement: new Int32Array(n) };
  }
}

/** Columns of rows already read (tests, fakes). */
export function aggregatesOfRows(rows: readonly ArticleStatsAggregateRow[]): ArticleStatsAggregates {
  const builder = new ArticleStatsAggregatesBuilder(rows.length);
  for (const row of rows) builder.push(row as unknown as Record<string, unknown>);
  return builder.build();
}

/**
 * Article i's aggregates as one row. `dayText` turns a dayNumber into its
 * "YYYY-MM-DD" (a memo, so 100k articles share a few hundred date strings).
 */
export function aggregateRowAt(a: ArticleStatsAggregates, i: number, dayText: (n: number) => string = dayOfNumber): ArticleStatsAggregateRow {
  const lastSale = a.lastSale[i]!;
  const lastMovement = a.lastMovement[i]!;
  return {
    sku: a.sku[i]!,
    description: a.description[i]!,
    unit: a.unit[i]!,
    familyCode: a.familyCode[i]!,
    onHand: a.onHand[i]!,
    sale30: a.sale30[i]!,
    sale90: a.sale90[i]!,
    sale365: a.sale365[i]!,
    picks365: a.picks365[i]!,
    lastSale: lastSale === NO_DAY ? null : dayText(lastSale),
    lastMovement: lastMovement === NO_DAY ? null : dayText(lastMovement),
    weighted365: a.weighted365[i]!,
  };
}

/** Every article's row, in order (tests and the contract suite). */
export function aggregateRows(a: ArticleStatsAggregates): ArticleStatsAggregateRow[] {
  return Array.from({ length: a.count }, (_, i) => aggregateRowAt(a, i));
}
