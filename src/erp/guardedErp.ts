/**
 * Wraps an adapter so that every ERP call is counted, bounded by a deadline
 * and by a bulkhead (at most N calls in flight), and fails in one typed way.
 *
 * Counting is what lets tests assert "a warm page makes 0 ERP queries" and
 * lets /metrics show round trips per request; the deadline and bulkhead keep
 * a slow ERP from piling up requests until the process falls over.
 */
import { ErpFailure } from '../errors';
import { erpBudgetExceeded } from '../graphql/workBudget';
import type { ErpPort } from './port';
import type { RequestErpScope } from './requestScope';

export interface ErpCallObserver {
  /** Called once per adapter call, when it settles. */
  (operation: string, durationMs: number, outcome: 'ok' | 'error' | 'timeout'): void;
}

export interface GuardOptions {
  /** Deadline per call in ms. */
  timeoutMs: number;
  /** Operations allowed longer than timeoutMs (a statistics aggregate reads every movement), with their deadlines. */
  slowOperations?: ReadonlyMap<string, number>;
  /** Calls allowed in flight at once; further calls wait in line. */
  maxConcurrency: number;
  observer?: ErpCallObserver;
}

/** Counts adapter calls by operation. */
export class ErpCallCounter {
  total = 0;
  readonly byOperation = new Map<string, number>();

  record(operation: string): void {
    this.total += 1;
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
  }

  reset(): void {
    this.total = 0;
    this.byOperation.clear();
  }
}

/** A FIFO semaphore: the bulkhead. */
class Bulkhead {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}

const NOT_GUARDED = new Set(['dialect', 'close']);

/**
 * The guarded port, and per-request views of it. A request's view counts
 * its calls into the request's scope and refuses calls past its budget; the
 * port itself is for work no request asked for (the change feed, background
 * refreshes, the warm-up). The scope is passed explicitly rather than found
 * through AsyncLocalStorage: with an async-local store active, every promise
 * in the process pays for async hooks (measured: ~8 % of a page's time).
 */
export interface GuardedErp {
  port: ErpPort;
  forRequest(scope: RequestErpScope): ErpPort;
}

export function guardErp(adapter: ErpPort, counter: ErpCallCounter, options: GuardOptions): GuardedErp {
  const bulkhead = new Bulkhead(options.maxConcurrency);
  const call = (scope: RequestErpScope | null, operation: string, run: () => Promise<unknown>): Promise<unknown> => {
    // Refused before the call is made: the budget exists to spare the ERP.
    if (scope?.maxErpCalls !== undefined && scope.erpCalls >= scope.maxErpCalls) return Promise.reject(erpBudgetExceeded(scope.maxErpCalls));
    counter.record(operation);
    if (scope) scope.erpCalls += 1;
    return bulkhead.run(async () => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ErpFailure('timeout', operation)), options.slowOperations?.get(operation) ?? options.timeoutMs);
      });
      try {
        const result = await Promise.race([run(), deadline]);
        options.observer?.(operation, performance.now() - started, 'ok');
        return result;
      } catch (error) {
        const failure = error instanceof ErpFailure ? error : new ErpFailure('unavailable', operation, error);
        options.observer?.(operation, performance.now() - started, failure.kind === 'timeout' ? 'timeout' : 'error');
        throw failure;
      } finally {
        clearTimeout(timer);
      }
    });
  };
  const view = (scope: RequestErpScope | null): ErpPort =>
    new Proxy(adapter, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || NOT_GUARDED.has(property)) {
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return (...args: unknown[]) => call(scope, property, () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      },
    });
  return { port: view(null), forRequest: view };
}
