/**
 * Polls ecom_changes and applies each new row to the caches. Starts from the
 * newest change at start-up (the caches are empty then), and never lets a
 * failed poll crash the process: the next tick tries again, and the caches'
 * ttl bounds staleness meanwhile.
 */
import type { Logger } from 'pino';
import type { ErpPort } from '../erp/port';
import { applyChange } from './applyChange';
import type { ErpCache } from './erpCache';

const BATCH = 1000;

export class ChangeFeed {
  private lastChangeId = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<number> | null = null;

  constructor(
    private readonly erp: ErpPort,
    private readonly cache: ErpCache,
    private readonly log: Pick<Logger, 'warn'>,
  ) {}

  /** Remembers where the feed stands now; earlier changes are already reflected in an empty cache. */
  async init(): Promise<void> {
    this.lastChangeId = await this.erp.latestChangeId();
  }

  /** Applies every change since the last poll; returns how many were applied. */
  pollOnce(): Promise<number> {
    // Overlapping ticks would apply the same rows twice; share the one in flight.
    this.polling ??= this.drain().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async drain(): Promise<number> {
    let applied = 0;
    for (;;) {
      const rows = await this.erp.changesSince(this.lastChangeId, BATCH);
      for (const row of rows) {
        applyChange(this.cache, row);
        this.lastChangeId = Math.max(this.lastChangeId, row.changeId);
      }
      applied += rows.length;
      if (rows.length < BATCH) return applied;
    }
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.pollOnce().catch((error: unknown) => this.log.warn({ err: error }, 'change feed poll failed'));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
