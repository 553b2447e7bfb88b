/**
 * One cache of ERP facts (one relation), keyed by ERP identity.
 *
 * A fact has two ages that matter. Within `freshMs` of being read it is
 * fresh. After that it is stale but still held, for `staleMs` more: a page
 * is answered from it at once while one background refresh runs
 * (stale-while-revalidate), and while the ERP is unreachable it is what keeps
 * the shop up (stale-if-error). Past both it is gone, and so is a fact the
 * change feed names: invalidated facts are deleted, never kept as stale.
 *
 * Fills are guarded by a generation: a reader takes `generation()` before it
 * asks the ERP and stores with `setIfCurrent()`, which refuses the value when
 * any invalidation happened in between. Without that, a read that saw the
 * ERP just before a change, and finished just after the change feed dropped
 * the key, would cache the old value for a whole lifetime.
 */
import { LRUCache } from 'lru-cache';
import { approximateBytes } from './approximateBytes';

export interface FactCacheOptions<V> {
  /** Most entries (lru-cache `max`). */
  max: number;
  /**
   * Most bytes held, as estimated by approximateBytes (lru-cache `maxSize`);
   * 0 = bounded by `max` only (the one-entry caches of installation-wide facts).
   */
  maxBytes: number;
  /**
   * How much heap a fact holds beyond its rows, as a multiple of their size:
   * 1 for plain rows; more for facts that compiled forms are attached to
   * (parsed conditions, indexes, rule sets live as long as the rows).
   */
  weight?: number;
  /** The bytes of a value; default approximateBytes. Facts holding shared objects leave those out. */
  sizeOf?: (value: V) => number;
  /** How long a fact is fresh, in ms. */
  freshMs: number;
  /** How long a fact is still served after it stops being fresh, in ms. */
  staleMs: number;
  /** Wall clock in ms; tests inject one. */
  now: () => number;
}

export interface Fact<V> {
  value: V;
  /** When it was read from the ERP (epoch ms). */
  fetchedAt: number;
  fresh: boolean;
}

interface Entry<V> {
  value: V;
  fetchedAt: number;
}

export class FactCache<V> {
  private readonly lru: LRUCache<string, Entry<V>>;
  private gen = 0;
  /** Keys with a background refresh in flight, so a burst of requests starts one. */
  private readonly refreshing = new Set<string>();
  /** After a failed refresh, none is tried before this instant (epoch ms). */
  private refreshPausedUntil = 0;

  constructor(private readonly options: FactCacheOptions<V>) {
    const weight = options.weight ?? 1;
    const sizeOf = options.sizeOf ?? approximateBytes;
    this.lru = new LRUCache<string, Entry<V>>({
      max: options.max,
      // Sized even without a byte bound, so every cache reports its bytes.
      maxSize: options.maxBytes > 0 ? options.maxBytes : Number.MAX_SAFE_INTEGER,
      sizeCalculation: (entry, key) => Math.ceil(weight * sizeOf(entry.value)) + key.length + ENTRY_OVERHEAD,
      // The entry leaves at the end of its stale window; freshness is judged here.
      ttl: options.freshMs + options.staleMs,
      allowStale: false,
      perf: { now: options.now },
      // Read the clock on every check: lru-cache's default debounces it with
      // a timer per read, costlier than the clock and blind to a test clock.
      ttlResolution: 0,
    });
  }

  get(key: string): Fact<V> | undefined {
    const entry = this.lru.get(key);
    if (!entry) return undefined;
    return { value: entry.value, fetchedAt: entry.fetchedAt, fresh: this.options.now() - entry.fetchedAt < this.options.freshMs };
  }

  has(key: string): boolean {
    return this.lru.has(key);
  }

  /** The current generation; pass it back to setIfCurrent after reading the ERP. */
  generation(): number {
    return this.gen;
  }

  /** Stores a value read from the ERP, unless the cache was invalidated since `generation`. */
  setIfCurrent(key: string, value: V, generation: number, fetchedAt = this.options.now()): boolean {
    if (generation !== this.gen) return false;
    this.lru.set(key, { value, fetchedAt });
    return true;
  }

  delete(key: string): void {
    this.gen += 1;
    this.lru.delete(key);
  }

  clear(): void {
    this.gen += 1;
    this.lru.clear();
  }

  keys(): string[] {
    return [...this.lru.keys()];
  }

  get size(): number {
    return this.lru.size;
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.lru.calculatedSize;
  }

  /** The byte budget (FactCacheOptions.maxBytes); 0 = bounded by entries only. */
  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /**
   * Claims the keys for a background refresh: returns those not already being
   * refreshed, or none while refreshes are paused after a failure (a down ERP
   * is asked about once a second, not once per request).
   */
  claimRefresh(keys: readonly string[]): string[] {
    if (this.options.now() < this.refreshPausedUntil) return [];
    const claimed = keys.filter((k) => !this.refreshing.has(k));
    for (const k of claimed) this.refreshing.add(k);
    return claimed;
  }

  /** Ends a refresh claimed with claimRefresh. */
  releaseRefresh(keys: readonly string[], failed: boolean): void {
    for (const k of keys) this.refreshing.delete(k);
    if (failed) this.refreshPausedUntil = this.options.now() + REFRESH_PAUSE_MS;
  }
}

const REFRESH_PAUSE_MS = 1000;
/** lru-cache's own node, the entry object and the key slot. */
const ENTRY_OVERHEAD = 96;
