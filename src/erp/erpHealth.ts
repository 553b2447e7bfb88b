/**
 * What Ponte has observed of the ERP, from the outcome of every guarded call:
 * for /readyz and the `ponte_erp_up` gauge. Observed, not probed: a quiet
 * server learns of an outage from its next call (or the change feed's poll).
 */
export type ErpCallOutcome = 'ok' | 'error' | 'timeout';

export class ErpHealth {
  lastSuccessAt: number | null = null;
  lastFailureAt: number | null = null;
  lastFailure: 'error' | 'timeout' | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  record(outcome: ErpCallOutcome): void {
    if (outcome === 'ok') this.lastSuccessAt = this.now();
    else {
      this.lastFailureAt = this.now();
      this.lastFailure = outcome;
    }
  }

  /** True unless the latest call failed. */
  get up(): boolean {
    return this.lastFailureAt === null || (this.lastSuccessAt !== null && this.lastSuccessAt >= this.lastFailureAt);
  }
}
