/**
 * Rate limiting (hardening row 5): orders per acting customer, failed
 * authentications per address, requests per principal; 429 with Retry-After
 * and RATE_LIMITED; replays and other principals untouched.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { errorCodes } from '../helpers/rawHttp';
import type { TestServer } from '../helpers/testServer';
import { orderInput, PLACE_ORDER, startLargeCatalogServer } from '../helpers/largeCatalogErp';

const TRIVIAL = '{ __typename }';

describe('orders per acting customer', () => {
  let server: TestServer;
  let c1: string;
  before(async () => {
    server = await startLargeCatalogServer({ RATE_LIMIT_ORDERS_MAX: '3' });
    c1 = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(() => server.close());

  test('placeOrder in a loop is 429 RATE_LIMITED with Retry-After once the order limit is spent', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i += 1) {
      last = await server.gql(PLACE_ORDER, { token: c1, variables: { input: orderInput(`loop-${i}`) } });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
    assert.deepEqual(errorCodes(last!.body), ['RATE_LIMITED']);
    assert.ok(Number(last!.headers['retry-after']) >= 1);
  });

  test('a replay of a stored idempotency key is served past the order limit', async () => {
    const res = await server.gql(PLACE_ORDER, { token: c1, variables: { input: orderInput('loop-0') } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    assert.ok(res.body.data.placeOrder.order.id);
  });
});

describe('failed authentications per address', () => {
  test('bad tokens are 401 UNAUTHENTICATED until the failure limit, then 429 RATE_LIMITED', async () => {
    const server = await startLargeCatalogServer({ RATE_LIMIT_AUTH_FAILURES_MAX: '5' });
    try {
      const results: Array<[number, string | undefined]> = [];
      for (let i = 0; i < 7; i += 1) {
        const res = await server.gql(TRIVIAL, { token: `not-a-jwt-${i}` });
        results.push([res.status, errorCodes(res.body)[0]]);
      }
      assert.deepEqual(results.slice(0, 5), Array(5).fill([401, 'UNAUTHENTICATED']));
      assert.deepEqual(results.slice(5), Array(2).fill([429, 'RATE_LIMITED']));
    } finally {
      await server.close();
    }
  });
});

describe('requests per principal', () => {
  let server: TestServer;
  before(async () => {
    server = await startLargeCatalogServer({ RATE_LIMIT_MAX: '3', RATE_LIMIT_SERVICE_MAX: '1000' });
  });
  after(() => server.close());

  test('a customer past RATE_LIMIT_MAX is 429, while another customer is still served', async () => {
    const c1 = await server.token({ role: 'customer', customer: 'C1' });
    const c2 = await server.token({ role: 'customer', customer: 'C2' });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await server.gql(TRIVIAL, { token: c1 })).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    assert.equal((await server.gql(TRIVIAL, { token: c2 })).status, 200);
  });

  test('a service token rendering for many visitors counts against RATE_LIMIT_SERVICE_MAX, not RATE_LIMIT_MAX', async () => {
    const service = await server.token({ role: 'service' });
    const statuses = new Set<number>();
    for (let i = 0; i < 10; i += 1) statuses.add((await server.gql(TRIVIAL, { token: service })).status);
    assert.deepEqual([...statuses], [200]);
  });
});

describe('switches', () => {
  test('RATE_LIMITS=off serves every request whatever the limits say', async () => {
    const server = await startLargeCatalogServer({ RATE_LIMITS: 'off', RATE_LIMIT_MAX: '1', RATE_LIMIT_AUTH_FAILURES_MAX: '1' });
    try {
      const c1 = await server.token({ role: 'customer', customer: 'C1' });
      for (let i = 0; i < 3; i += 1) assert.equal((await server.gql(TRIVIAL, { token: c1 })).status, 200);
      for (let i = 0; i < 3; i += 1) assert.equal((await server.gql(TRIVIAL, { token: 'bad' })).status, 401);
    } finally {
      await server.close();
    }
  });

  test('with TRUST_PROXY anonymous callers are told apart by X-Forwarded-For', async () => {
    const server = await startLargeCatalogServer({ TRUST_PROXY: '127.0.0.1', RATE_LIMIT_MAX: '2' });
    try {
      const from = (address: string) => server.gql(TRIVIAL, { headers: { 'x-forwarded-for': address } });
      assert.deepEqual([(await from('192.0.2.1')).status, (await from('192.0.2.1')).status, (await from('192.0.2.1')).status], [200, 200, 429]);
      assert.equal((await from('192.0.2.2')).status, 200);
    } finally {
      await server.close();
    }
  });

  test('the cost budget per principal refuses expensive requests once its bucket (RATE_LIMIT_COST_BURST) is empty', async () => {
    // Refilled at 3,000 a minute: 50 a second, nothing that matters within this test.
    const server = await startLargeCatalogServer({ RATE_LIMIT_COST_MAX: '3000', RATE_LIMIT_COST_BURST: '3000' });
    try {
      const c1 = await server.token({ role: 'customer', customer: 'C1' });
      // A different alias each time: the same page again would be a response-cache hit, which executes nothing and is not charged.
      const page = (i: number) => `{ page${i}: catalog(first: 100) { edges { node { sku price { unitPrice } priceBreaks { unitPrice } } } } }`;
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await server.gql(page(i), { token: c1 })).status);
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      await server.close();
    }
  });

  test('a service token without an acting customer draws on RATE_LIMIT_SERVICE_COST_MAX, not the per-customer budget', async () => {
    const server = await startLargeCatalogServer({ RATE_LIMIT_COST_MAX: '3000', RATE_LIMIT_COST_BURST: '3000' });
    try {
      const service = await server.token({ role: 'service' });
      const page = '{ catalog(first: 100) { edges { node { sku price { unitPrice } priceBreaks { unitPrice } } } } }';
      const statuses = new Set<number>();
      for (let i = 0; i < 4; i += 1) statuses.add((await server.gql(page, { token: service })).status);
      assert.deepEqual([...statuses], [200]);
    } finally {
      await server.close();
    }
  });
});
