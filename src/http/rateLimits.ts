/**
 * Rate limits (with @fastify/rate-limit), all counted per window of
 * RATE_LIMIT_WINDOW_MS:
 *
 * - requests per principal: a customer by its code, an agent by its code,
 *   anonymous callers by client address (RATE_LIMIT_MAX); a service token by
 *   the customer it acts for (X-Acting-Customer) or else by client address,
 *   with its own, much larger limit (RATE_LIMIT_SERVICE_MAX), because a
 *   storefront renders pages for all its visitors with one service token;
 * - failed authentications per client address (RATE_LIMIT_AUTH_FAILURES_MAX):
 *   bad tokens stay 401 until the limit trips, then 429;
 * - orders per acting customer (RATE_LIMIT_ORDERS_MAX), charged by the order
 *   flow after the idempotent-replay check, so a retry costs nothing;
 * - cost per principal: a token bucket of the admitted operations' estimated
 *   costs (src/graphql/costLimit.ts), refilled at RATE_LIMIT_COST_MAX per
 *   window (service keys: RATE_LIMIT_SERVICE_COST_MAX, their burst scaled
 *   alike) and holding at most RATE_LIMIT_COST_BURST, so that a client sending the most expensive
 *   request allowed, as fast as it can, gets a bounded share of the server.
 *   A bucket, not a window count: a window lets the whole budget go in one
 *   burst, which starves everyone else for seconds (measured: bench/results).
 *
 * Refusals are HTTP 429 with Retry-After and a GraphQL body whose
 * errors[0].extensions.code is RATE_LIMITED. The client address is the
 * socket's, or a proxy header's when TRUST_PROXY says which proxies to trust.
 *
 * Several instances can share their counts: pass a `store` (the
 * @fastify/rate-limit store interface: `incr(key, cb, windowMs, max)` and
 * `child()`) and a `costStore` (CostStore below), e.g. backed by Redis.
 */
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { RateLimitConfig } from '../config/config';
import { PonteError, requestRefused } from '../errors';
import { sendError } from './errorReply';
import type { PonteContext } from '../graphql/context';
import './authenticate';

/**
 * Takes `amount` from a key's token bucket (full at `capacity`, refilled at
 * `refillPerMs`). Admitted while the bucket holds anything, so the request
 * that empties it still runs; refused, and not charged, once it is empty.
 */
export interface CostStore {
  take(key: string, amount: number, capacity: number, refillPerMs: number): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

/** The in-process CostStore: a bounded LRU of buckets (an evicted key starts full again). */
export class LocalCostStore implements CostStore {
  private readonly buckets = new LRUCache<string, { tokens: number; at: number }>({ max: 100_000 });

  async take(key: string, amount: number, capacity: number, refillPerMs: number): Promise<{ allowed: boolean; retryAfterMs: number }> {
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * refillPerMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens <= 0) return { allowed: false, retryAfterMs: (1 - bucket.tokens) / refillPerMs };
    bucket.tokens -= amount;
    return { allowed: true, retryAfterMs: 0 };
  }
}

export interface RateLimitStores {
  store?: FastifyRateLimitStoreCtor;
  costStore?: CostStore;
}

export interface RateLimits {
  /** onRequest hook for /graphql; runs after authentication. */
  hook(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined>;
  /** Charges one order to an acting customer; throws RATE_LIMITED past the limit. */
  chargeOrder(customerCode: string): Promise<void>;
  /** Charges an admitted operation's cost to the caller's key; throws RATE_LIMITED past the budget. */
  chargeCost(cost: number, context: unknown): Promise<void>;
}

declare module 'fastify' {
  interface FastifyRequest {
    rateKey?: string;
  }
}

/** Whose budget a request draws on. Service keys start with "s" (their limits are larger). */
export function rateKeyOf(request: FastifyRequest): string {
  const principal = request.authentication?.principal;
  const acting = request.headers['x-acting-customer'];
  switch (principal?.role) {
    case 'customer':
      return `c:${principal.customer}`;
    case 'agent':
      return `a:${principal.agent}`;
    case 'service':
      if (principal.customer) return `s:${principal.customer}`;
      return typeof acting === 'string' && acting !== '' ? `s:${acting}` : `s@${request.ip}`;
    default:
      return `ip:${request.ip}`;
  }
}

// The limiter answers isAllowed: false for every counted request (true only
// for its allow list); over the limit is isExceeded.
function exceeded(outcome: { isAllowed: true } | { isAllowed: false; isExceeded: boolean; ttlInSeconds: number }): number | null {
  return !outcome.isAllowed && outcome.isExceeded ? Math.max(1, outcome.ttlInSeconds) : null;
}

function retryAfter(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function refuse(reply: FastifyReply, seconds: number): FastifyReply {
  return sendError(reply.header('retry-after', String(seconds)), new PonteError('RATE_LIMITED'));
}

export async function registerRateLimits(http: FastifyInstance, config: RateLimitConfig, stores: RateLimitStores = {}): Promise<RateLimits> {
  await http.register(rateLimit, { global: false, cache: 100_000, ...(stores.store ? { store: stores.store } : {}) });
  const timeWindow = config.windowMs;
  const isService = (key: string) => key.startsWith('s');
  const requests = http.createRateLimit({
    timeWindow,
    keyGenerator: (request) => `req|${request.rateKey}`,
    max: (request) => (isService(request.rateKey ?? '') ? config.perService : config.perPrincipal),
  });
  const authFailures = http.createRateLimit({ timeWindow, max: config.authFailures, keyGenerator: (request) => `auth|${request.ip}` });
  // The order limiter is called from the order flow, which has no fastify
  // request: the limiter only needs the key and the route options it reads.
  const orders = http.createRateLimit({ timeWindow, max: config.orders, keyGenerator: (request) => (request as unknown as { orderKey: string }).orderKey });
  const costStore = stores.costStore ?? new LocalCostStore();
  const serviceBurst = config.costBurst * Math.max(1, config.costPerService / config.costPerPrincipal);

  return {
    async hook(request, reply) {
      if (request.authentication?.failure) {
        const wait = exceeded(await authFailures(request));
        if (wait !== null) return refuse(reply, wait);
        return undefined;
      }
      request.rateKey = rateKeyOf(request);
      const wait = exceeded(await requests(request));
      // Returning the reply tells fastify the request is answered.
      return wait === null ? undefined : refuse(reply, wait);
    },
    async chargeOrder(customerCode) {
      const wait = exceeded(await orders({ orderKey: `order|${customerCode}`, routeOptions: { config: {} } } as never));
      if (wait !== null) throw requestRefused('RATE_LIMITED', undefined, wait);
    },
    async chargeCost(cost, context) {
      const key = (context as PonteContext | undefined)?.rateKey;
      if (key === undefined || cost <= 0) return;
      const service = isService(key);
      const capacity = service ? serviceBurst : config.costBurst;
      const refillPerMs = (service ? config.costPerService : config.costPerPrincipal) / timeWindow;
      const { allowed, retryAfterMs } = await costStore.take(`cost|${key}`, cost, capacity, refillPerMs);
      if (!allowed) throw requestRefused('RATE_LIMITED', undefined, retryAfter(retryAfterMs));
    },
  };
}
