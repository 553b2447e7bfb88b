/**
 * A record of responses answered from expired facts, for the
 * `ponte_stale_serving_age_seconds` gauge and /readyz: how old the oldest
 * fact served lately was. "Lately" is a window, so the gauge falls back to 0
 * by itself once answers are fresh again.
 */
const WINDOW_MS = 60_000;

export class StaleServing {
  private staleSince: number | null = null;
  private lastServedAt = 0;
  /** Responses answered (partly) from expired facts since start. */
  responses = 0;

  constructor(private readonly now: () => number = Date.now) {}

  record(staleSince: number): void {
    const now = this.now();
    // A new window starts when the last stale answer is older than the window.
    if (now - this.lastServedAt > WINDOW_MS || this.staleSince === null || staleSince < this.staleSince) this.staleSince = staleSince;
    this.lastServedAt = now;
    this.responses += 1;
  }

  /** The read time of the oldest fact served stale within the window; null when none. */
  current(): number | null {
    return this.staleSince !== null && this.now() - this.lastServedAt <= WINDOW_MS ? this.staleSince : null;
  }

  /** Age in seconds of the oldest fact served stale within the window; 0 when none. */
  ageSeconds(): number {
    const since = this.current();
    return since === null ? 0 : (this.now() - since) / 1000;
  }
}
