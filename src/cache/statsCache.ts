/**
 * Warehouse statistics per scope (every warehouse, or one), computed from
 * the ERP's aggregates at most once per STATS_TTL_MS (warehouse-statistics.md,
 * Freshness) and shared by every caller: requests arriving while a scope is
 * being computed wait for that one computation. Held within a byte budget.
 *
 * The figures are read through the port that serves no request (the guard
 * still bounds and counts the call), so one caller's work budget or
 * disconnection cannot cut short a computation others are waiting for.
 * When a recomputation fails, figures younger than STATS_TTL_MS +
 * STALE_IF_ERROR_MS are still answered, with the computedAt that says how
 * old they are: a manager can read yesterday evening's figures while the
 * ERP is down for the night.
 */
import { LRUCache } from 'lru-cache';
import type { Config } from '../config/config';
import type { ErpPort } from '../erp/port';
import type { ArticleStatsAggregates } from '../erp/statsAggregates';
import { figuresOfAggregates, snapshotOfFigures, type StatsSnapshot } from '../stats/statsSnapshot';
import type { ArticleFigures, StatsThresholds } from '../stats/statsModel';
import { statsWindowDays } from '../stats/statsWindows';

export interface StatsCacheOptions {
  /** How long computed figures are answered before they are computed again, in ms (STATS_TTL_MS). */
  ttlMs: number;
  /** How long past ttlMs figures are still answered when computing them again fails, in ms. */
  staleIfErrorMs: number;
  /** Bytes all held scopes may take (approximate, see StatsSnapshot.approximateBytes). */
  maxBytes: number;
  now: () => Date;
  /**
   * Runs of articles computed side by side (default 1): the SQLite adapter
   * answers on two worker threads, each its own connection, so two halves
   * of the catalog take half the time; SQL Server parallelises one query
   * itself.
   */
  parallelParts?: number;
}

export interface StatsScope {
  /** null: every warehouse. */
  warehouse: string | null;
  /** D, "YYYY-MM-DD". */
  asOf: string;
  thresholds: StatsThresholds;
}

interface Held {
  snapshot: StatsSnapshot;
  computedAtMs: number;
}

export class WarehouseStatsCache {
  private readonly held: LRUCache<string, Held>;
  private readonly computing = new Map<string, Promise<StatsSnapshot>>();
  /** Computations run, for tests and metrics. */
  computations = 0;

  constructor(
    private readonly erp: ErpPort,
    private readonly options: StatsCacheOptions,
  ) {
    this.held = new LRUCache<string, Held>({
      maxSize: options.maxBytes,
      sizeCalculation: (h) => Math.max(1, h.snapshot.approximateBytes()),
      ttl: options.ttlMs + options.staleIfErrorMs,
      ttlAutopurge: false,
    });
  }

  async snapshot(scope: StatsScope): Promise<StatsSnapshot> {
    const key = keyOf(scope);
    const held = this.held.get(key);
    const nowMs = this.options.now().getTime();
    if (held && nowMs - held.computedAtMs < this.options.ttlMs) return held.snapshot;
    try {
      return await this.compute(key, scope);
    } catch (error) {
      if (held && nowMs - held.computedAtMs < this.options.ttlMs + this.options.staleIfErrorMs) return held.snapshot;
      throw error;
    }
  }

  /** Drops every held scope (tests; a manual refresh). */
  clear(): void {
    this.held.clear();
  }

  /** Bytes held, as counted against maxBytes. */
  get bytes(): number {
    return this.held.calculatedSize;
  }

  private compute(key: string, scope: StatsScope): Promise<StatsSnapshot> {
    let running = this.computing.get(key);
    if (!running) {
      running = (async () => {
        this.computations += 1;
        const computedAt = this.options.now();
        const figures = await this.figures(scope);
        const snapshot = snapshotOfFigures(figures, { asOf: scope.asOf, computedAt: computedAt.toISOString(), warehouse: scope.warehouse });
        this.held.set(key, { snapshot, computedAtMs: computedAt.getTime() });
        return snapshot;
      })().finally(() => this.computing.delete(key));
      this.computing.set(key, running);
    }
    return running;
  }

  /** Every article's figures; each run's aggregates become figures as they arrive and are dropped. */
  private async figures(scope: StatsScope): Promise<ArticleFigures[]> {
    const query = { warehouse: scope.warehouse, ...statsWindowDays(scope.asOf) };
    const toFigures = (aggregates: ArticleStatsAggregates) => figuresOfAggregates(aggregates, scope.thresholds, scope.asOf);
    const parts = this.options.parallelParts ?? 1;
    // The first sku of each run but the first bounds the runs: [null, b1), [b1, b2) … [bn, null).
    const bounds = parts > 1 ? (await this.erp.articleSkuSplits(parts)).slice(1) : [];
    if (bounds.length === 0) return toFigures(await this.erp.articleStatsAggregates(query));
    const edges = [null, ...bounds, null];
    const runs = await Promise.all(
      Array.from({ length: edges.length - 1 }, (_, i) =>
        this.erp.articleStatsAggregates({ ...query, skuFrom: edges[i], skuTo: edges[i + 1] }).then(toFigures),
      ),
    );
    return runs.flat();
  }
}

/** Figures depend on the scope, the day and the thresholds: a change in any is another entry. */
function keyOf(scope: StatsScope): string {
  const t = scope.thresholds;
  return [scope.warehouse ?? '', scope.asOf, t.deadDays, t.excessCoverDays.toString(), t.fastTurnover.toString(), t.slowTurnover.toString()].join('|');
}

/** The server's statistics cache, as configured; the SQLite adapter's two worker threads each compute half the catalog. */
export function warehouseStatsCache(erp: ErpPort, config: Config, now: () => Date): WarehouseStatsCache {
  return new WarehouseStatsCache(erp, {
    ttlMs: config.stats.ttlMs,
    staleIfErrorMs: config.cache.staleIfErrorMs,
    maxBytes: config.stats.maxBytes,
    now,
    parallelParts: erp.dialect === 'sqlite' ? 2 : 1,
  });
}
