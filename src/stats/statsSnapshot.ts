/**
 * One scope's statistics (every warehouse, or one) as computed at one
 * instant: the articles' figures, the class summary, and the reads the API
 * makes of them. Filtering, ordering and paging run here, on the figures
 * held in memory, never on the ERP.
 *
 * Orders are built on first use (five sorts of 100k articles cost more than
 * most snapshots are read), and the list of articles a filter selects in an
 * order is kept for the next page and the next caller with the same filter.
 */
import { matchesTerms, searchTerms } from '../catalog/searchTerms';
import { aggregateRowAt, type ArticleStatsAggregates } from '../erp/statsAggregates';
import { assignAbc } from './abcClasses';
import { articleFigures, type ClassRules } from './articleFigures';
import { ratioOf } from './scaledMath';
import { MOVEMENT_CLASSES, type AbcClass, type ArticleFigures, type ArticleStatsOrder, type MovementClass, type StatsThresholds } from './statsModel';
import { addDays, dayOfNumber } from './statsWindows';

export interface StatsFilter {
  /** Any of these classes; null or empty = any. */
  classes: readonly MovementClass[] | null;
  abc: readonly AbcClass[] | null;
  toClear: boolean | null;
  family: string | null;
  /** As catalog search (src/catalog/searchTerms.ts). */
  search: string | null;
}

export interface ClassSummary {
  class: MovementClass;
  articles: number;
  /** Thousandths. */
  onHand: bigint;
}

export interface StatsSummary {
  articles: number;
  toClear: number;
  /** Every class, in enum order, zeros included. */
  byClass: ClassSummary[];
}

export interface StatsPage {
  items: ArticleFigures[];
  hasNextPage: boolean;
  totalCount: number;
}

/** How many filtered lists a snapshot keeps (each at most 4 bytes per article). */
const KEPT_SELECTIONS = 16;

export class StatsSnapshot {
  /** Articles by sku, ascending (code unit order). */
  readonly articles: readonly ArticleFigures[];
  readonly summary: StatsSummary;
  private readonly indexOfSku = new Map<string, number>();
  private readonly orders = new Map<ArticleStatsOrder, { order: Int32Array; rank: Int32Array }>();
  private readonly selections = new Map<string, Int32Array>();

  constructor(
    /** D, "YYYY-MM-DD". */
    readonly asOf: string,
    /** The instant the ERP was read, ISO 8601. */
    readonly computedAt: string,
    readonly warehouse: string | null,
    articles: ArticleFigures[],
  ) {
    // The ERP sends them in sku order already (its collation may differ: then they are sorted here).
    if (!isSortedBySku(articles)) articles.sort((a, b) => compareSku(a.sku, b.sku));
    this.articles = articles;
    articles.forEach((a, i) => this.indexOfSku.set(a.sku, i));
    this.summary = summarise(articles);
  }

  article(sku: string): ArticleFigures | null {
    const index = this.indexOfSku.get(sku);
    return index === undefined ? null : this.articles[index]!;
  }

  /** False when `sku` is not listed in this snapshot (a cursor from figures since recomputed). */
  has(sku: string): boolean {
    return this.indexOfSku.has(sku);
  }

  /** The page after the article `after` (null: from the start) of the articles the filter selects, in `order`. */
  page(filter: StatsFilter, order: ArticleStatsOrder, after: string | null, first: number): StatsPage {
    const { rank } = this.ordered(order);
    const selected = this.select(filter, order);
    let start = 0;
    if (after !== null) {
      const afterRank = rank[this.indexOfSku.get(after)!]!;
      // The selection is in rank order: the first entry ranked after the cursor's article.
      let lo = 0;
      let hi = selected.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rank[selected[mid]!]! <= afterRank) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const end = Math.min(selected.length, start + first);
    const items: ArticleFigures[] = [];
    for (let i = start; i < end; i++) items.push(this.articles[selected[i]!]!);
    return { items, hasNextPage: end < selected.length, totalCount: selected.length };
  }

  /** A rough count of the bytes this snapshot holds, for the cache's bound. */
  approximateBytes(): number {
    let bytes = 1024;
    for (const a of this.articles) bytes += 360 + 2 * (a.sku.length + a.description.length + a.unit.length + (a.family?.length ?? 0));
    // Built lazily, but reserved up front so the bound holds whatever the reads.
    bytes += this.articles.length * 4 * (2 * 5 + KEPT_SELECTIONS);
    return bytes;
  }

  private ordered(order: ArticleStatsOrder): { order: Int32Array; rank: Int32Array } {
    let held = this.orders.get(order);
    if (!held) {
      const indices = Int32Array.from(this.articles.keys());
      const compare = comparatorFor(order, this.articles);
      if (compare) indices.sort(compare);
      const rank = new Int32Array(indices.length);
      indices.forEach((articleIndex, position) => (rank[articleIndex] = position));
      held = { order: indices, rank };
      this.orders.set(order, held);
    }
    return held;
  }

  private select(filter: StatsFilter, order: ArticleStatsOrder): Int32Array {
    const key = `${order}\u0000${filterKey(filter)}`;
    const held = this.selections.get(key);
    if (held) {
      // Most recently used last, so the oldest is the one dropped.
      this.selections.delete(key);
      this.selections.set(key, held);
      return held;
    }
    const accepts = predicate(filter);
    const { order: indices } = this.ordered(order);
    const selected: number[] = [];
    for (const index of indices) if (accepts(this.articles[index]!)) selected.push(index);
    const list = Int32Array.from(selected);
    if (this.selections.size >= KEPT_SELECTIONS) this.selections.delete(this.selections.keys().next().value!);
    this.selections.set(key, list);
    return list;
  }
}

/** Builds a scope's snapshot from the ERP's aggregates (one entry per listed article). */
export function buildStatsSnapshot(
  aggregates: ArticleStatsAggregates,
  thresholds: StatsThresholds,
  scope: { asOf: string; computedAt: string; warehouse: string | null },
): StatsSnapshot {
  return snapshotOfFigures(figuresOfAggregates(aggregates, thresholds, scope.asOf), scope);
}

/**
 * Each article's own figures (everything but ABC, which needs the whole
 * scope): a run of articles can be turned into figures as soon as it
 * arrives, so a large scope's aggregates are never all held next to its
 * figures.
 */
export function figuresOfAggregates(aggregates: ArticleStatsAggregates, thresholds: StatsThresholds, asOf: string): ArticleFigures[] {
  const rules: ClassRules = {
    fast: ratioOf(thresholds.fastTurnover),
    slow: ratioOf(thresholds.slowTurnover),
    excessCover: ratioOf(thresholds.excessCoverDays),
    deadFrom: addDays(asOf, 1 - thresholds.deadDays),
  };
  // Units, families and days repeat from article to article: the figures
  // share one string of each, where the columns carried one per article.
  const shared = new Map<string, string>();
  const intern = (text: string): string => {
    const held = shared.get(text);
    if (held !== undefined) return held;
    shared.set(text, text);
    return text;
  };
  const days = new Map<number, string>();
  const dayText = (n: number): string => {
    let text = days.get(n);
    if (text === undefined) days.set(n, (text = dayOfNumber(n)));
    return text;
  };
  const figures = new Array<ArticleFigures>(aggregates.count);
  for (let i = 0; i < aggregates.count; i++) {
    const row = aggregateRowAt(aggregates, i, dayText);
    row.unit = intern(row.unit);
    if (row.familyCode !== null) row.familyCode = intern(row.familyCode);
    figures[i] = articleFigures(row, rules);
  }
  return figures;
}

/** The scope's snapshot from every article's figures (runs concatenated in sku order): ABC, orders, summary. */
export function snapshotOfFigures(articles: ArticleFigures[], scope: { asOf: string; computedAt: string; warehouse: string | null }): StatsSnapshot {
  assignAbc(articles);
  return new StatsSnapshot(scope.asOf, scope.computedAt, scope.warehouse, articles);
}

function isSortedBySku(articles: readonly ArticleFigures[]): boolean {
  for (let i = 1; i < articles.length; i++) if (!(articles[i - 1]!.sku < articles[i]!.sku)) return false;
  return true;
}

function compareSku(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Comparator = (x: number, y: number) => number;

/** Ties by sku ascending (the articles' own order, i.e. the index); nulls last. */
function comparatorFor(order: ArticleStatsOrder, articles: readonly ArticleFigures[]): Comparator | null {
  const by = <V extends number | bigint | string>(value: (a: ArticleFigures) => V | null, descending: boolean): Comparator => (x, y) => {
    const vx = value(articles[x]!);
    const vy = value(articles[y]!);
    if (vx !== vy) {
      if (vx === null) return 1;
      if (vy === null) return -1;
      if (vx < vy) return descending ? 1 : -1;
      if (vx > vy) return descending ? -1 : 1;
    }
    return x - y;
  };
  switch (order) {
    case 'SKU':
      return null;
    case 'DAYS_OF_COVER_DESC':
      return by((a) => a.daysOfCover, true);
    case 'SOLD_365_DESC':
      return by((a) => a.sold365, true);
    case 'LAST_SALE_ASC':
      return by((a) => a.lastSale, false);
    case 'ON_HAND_DESC':
      return by((a) => a.onHand, true);
  }
}

function filterKey(f: StatsFilter): string {
  const list = (values: readonly string[] | null) => (values === null || values.length === 0 ? '*' : [...new Set(values)].sort().join(','));
  return [list(f.classes), list(f.abc), f.toClear ?? '*', f.family ?? '\u0001', f.search === null ? '\u0001' : searchTerms(f.search).join(' ')].join('|');
}

function predicate(f: StatsFilter): (a: ArticleFigures) => boolean {
  const classes = f.classes && f.classes.length > 0 ? new Set(f.classes) : null;
  const abc = f.abc && f.abc.length > 0 ? new Set<AbcClass | null>(f.abc) : null;
  const terms = f.search === null ? [] : searchTerms(f.search);
  return (a) =>
    (classes === null || classes.has(a.class)) &&
    (abc === null || abc.has(a.abc)) &&
    (f.toClear === null || a.toClear === f.toClear) &&
    (f.family === null || a.family === f.family) &&
    (terms.length === 0 || matchesTerms(terms, a.sku, a.description));
}

function summarise(articles: readonly ArticleFigures[]): StatsSummary {
  const byClass = new Map<MovementClass, ClassSummary>(MOVEMENT_CLASSES.map((c) => [c, { class: c, articles: 0, onHand: 0n }]));
  let toClear = 0;
  for (const a of articles) {
    const entry = byClass.get(a.class)!;
    entry.articles += 1;
    entry.onHand += BigInt(a.onHand);
    if (a.toClear) toClear += 1;
  }
  return { articles: articles.length, toClear, byClass: [...byClass.values()] };
}

