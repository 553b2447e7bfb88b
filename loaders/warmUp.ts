/**
 * Warm start: right after Ponte starts (a deploy, a restart after the ERP's
 * night), every customer's facts are read in a few large batches in the
 * background, so no customer's first page pays for its context. Measured at
 * 5 000 customers: 20 ERP calls instead of one per customer as they arrive,
 * which under storefront traffic was most of the ERP calls after warm-up.
 *
 * It only fills: it stops before the customers' cache reaches `fillShare`
 * of its byte budget (so it never evicts what traffic put there), skips
 * customers already held, stores through the same generation check as
 * every other fill (a change arriving meanwhile wins), and runs outside any
 * request's ERP budget, one call at a time. Articles are not warmed: at
 * 100 000 of them their facts do not fit the default budget, and the pages
 * visitors actually open fill it within seconds.
 */
import type { ErpCache } from '../src/cache/erpCache';
import type { ErpPort } from '../src/erp/port';
import { customerContextFill } from './erpLoaders';
import { fill } from './cachedLoader';

export interface WarmUpOptions {
  /** Customers per ERP call (customersPage, then customerContexts). Default 500. */
  batchSize?: number;
  /** Stop once the customers' cache holds this share of its byte budget. Default 0.9. */
  fillShare?: number;
  /** Aborted when Ponte closes: the warm-up stops after the call in flight. */
  signal?: AbortSignal;
}

export interface WarmUpReport {
  customers: number;
  erpCalls: number;
  stoppedBy: 'done' | 'budget' | 'aborted';
  ms: number;
}

export async function warmCustomerContexts(erp: ErpPort, cache: ErpCache, options: WarmUpOptions = {}): Promise<WarmUpReport> {
  const batchSize = options.batchSize ?? 500;
  const fillShare = options.fillShare ?? 0.9;
  const contexts = cache.customerContexts;
  const filling = customerContextFill(erp, cache);
  const started = performance.now();
  const report = (stoppedBy: WarmUpReport['stoppedBy']): WarmUpReport => ({ customers, erpCalls, stoppedBy, ms: Math.round(performance.now() - started) });
  // Stop before a batch could push the cache past its share: judged by what
  // a customer cost so far, so the warm-up itself never evicts anything.
  const limit = contexts.maxBytes > 0 ? fillShare * contexts.maxBytes : Infinity;
  let perCustomer = 0;
  const roomFor = (n: number) => contexts.bytes + perCustomer * n <= limit;
  let customers = 0;
  let erpCalls = 0;
  let after: string | null = null;
  // Called with the port itself, not a request's view: no request's budget pays for it.
  for (;;) {
    if (options.signal?.aborted) return report('aborted');
    if (!roomFor(batchSize)) return report('budget');
    const page = await erp.customersPage({ agentCode: null, after, search: null, limit: batchSize });
    erpCalls += 1;
    if (page.length === 0) return report('done');
    const missing = page.map((c) => c.code).filter((code) => !contexts.get(code)?.fresh);
    if (missing.length > 0) {
      if (options.signal?.aborted) return report('aborted');
      const before = contexts.bytes;
      await fill(filling, missing);
      erpCalls += 1;
      customers += missing.length;
      perCustomer = Math.max(perCustomer, (contexts.bytes - before) / missing.length);
    }
    if (page.length < batchSize) return report('done');
    after = page[page.length - 1]!.code;
  }
}
