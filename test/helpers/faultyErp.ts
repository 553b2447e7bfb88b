/**
 * Fault injection around a real adapter: an ERP that goes away, slows down,
 * or holds one call back until the test lets it go, and comes back.
 */
import type { ErpPort } from '../../src/erp/port';

export class ErpFaults {
  /** 'down': every call fails at once, as with a refused connection. */
  mode: 'up' | 'down' = 'up';
  /** Extra latency per call, in ms (a slow ERP). */
  latencyMs = 0;
  /** Calls made through the wrapper, by method name. */
  readonly calls: string[] = [];
  private held: { method: string; release: Promise<void> } | null = null;

  /** Holds the next call of `method` until the returned function is called. */
  holdNext(method: string): () => void {
    let release!: () => void;
    this.held = { method, release: new Promise<void>((r) => (release = r)) };
    return release;
  }

  count(method: string): number {
    return this.calls.filter((m) => m === method).length;
  }

  wrap(inner: ErpPort): ErpPort {
    return new Proxy(inner, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string' || property === 'close') {
          return typeof value === 'function' ? value.bind(target) : value;
        }
        return async (...args: unknown[]) => {
          this.calls.push(property);
          if (this.held && this.held.method === property) {
            const { release } = this.held;
            this.held = null;
            // The read happens first (it sees the ERP as it is now), the answer arrives later.
            const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            await release;
            return result;
          }
          if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
          if (this.mode === 'down') throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:1433'), { code: 'ESOCKET' });
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      },
    });
  }
}
