/**
 * graphql-api.md, "Errors and limits" and "HTTP": ERP failures reach the
 * client as ERP_UNAVAILABLE / ERP_TIMEOUT with no internal detail, bad
 * scalar input is BAD_USER_INPUT, and the operational endpoints answer.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErpPort } from '../../src/erp/port';
import { SqliteErp } from '../../src/erp/sqlite';
import { PonteError } from '../../src/errors';
import { DateScalar } from '../../src/graphql/scalars';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { errorCodes, rawGql, rawRequest, startServerWithAdapter, type AdapterServer } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const LEAKY = 'SELECT * FROM secret; Server=db;Password=hunter2';

function fixtureDb() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_articles', [article('A1'), article('A2')]);
  insertRows(db, 'ecom_price_list_items', [
    { price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null },
    { price_list_code: 'BASE', sku: 'A1', min_qty: '10', price: '9.0000', valid_from: null, valid_to: null },
  ]);
  return db;
}

type Overrides = Partial<Record<keyof ErpPort, (...args: any[]) => unknown>>;

/** A SqliteErp over the fixture, with some methods replaced. */
function adapterWith(overrides: Overrides): ErpPort {
  const sqlite = new SqliteErp(fixtureDb());
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof ErpPort];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as ErpPort;
}

function leakyError(): Error {
  const error = new Error(LEAKY);
  (error as any).code = 'ELOGIN';
  (error as any).connectionString = 'Server=db;User Id=sa;Password=hunter2';
  return error;
}

/** Nothing internal in a response body. */
function assertNoInternals(text: string): void {
  for (const secret of ['SELECT', 'secret', 'hunter2', 'Password', 'Server=', 'at ', 'stacktrace', 'ELOGIN']) {
    assert.ok(!text.includes(secret), `response contains ${JSON.stringify(secret)}: ${text}`);
  }
}

describe('ERP failures', () => {
  describe('an adapter whose errors carry SQL and a connection string', () => {
    let server: AdapterServer;
    let failNext = true;
    before(async () => {
      const sqlite = new SqliteErp(fixtureDb());
      insertRows(sqlite.db, 'ecom_articles', [article('FLAKY')]);
      server = await startServerWithAdapter(
        adapterWith({
          catalogPage: async () => {
            throw leakyError();
          },
          articlesBySku: async (skus: string[]) => {
            if (skus.includes('A1')) throw leakyError();
            if (skus.includes('FLAKY') && failNext) {
              failNext = false;
              throw leakyError();
            }
            return sqlite.articlesBySku(skus);
          },
          customerContexts: () => {
            // Thrown synchronously, not as a rejected promise.
            throw leakyError();
          },
          stockFacts: async () => {
            // Not even an Error.
            throw LEAKY;
          },
        }),
      );
    });
    after(() => server.close());

    test('a failing catalog query is ERP_UNAVAILABLE with no SQL, connection string or stack trace', async () => {
      const res = await rawGql(server.url, '{ catalog(first: 5) { edges { node { sku } } } }');
      const body = JSON.parse(res.text);
      assert.deepEqual(errorCodes(body), ['ERP_UNAVAILABLE']);
      assertNoInternals(res.text);
    });

    test('a failing article lookup is ERP_UNAVAILABLE with no internal detail', async () => {
      const res = await rawGql(server.url, '{ product(sku: "A1") { sku } products(skus: ["A1", "A2"]) { sku } }');
      const body = JSON.parse(res.text);
      assert.ok(errorCodes(body).length > 0, res.text);
      assert.ok(errorCodes(body).every((c) => c === 'ERP_UNAVAILABLE'), res.text);
      assertNoInternals(res.text);
    });

    test('an adapter method that throws synchronously is ERP_UNAVAILABLE with no internal detail', async () => {
      const token = await server.token({ role: 'customer', customer: 'C1' });
      const res = await rawGql(server.url, '{ me { code } }', { token });
      const body = JSON.parse(res.text);
      assert.deepEqual(errorCodes(body), ['ERP_UNAVAILABLE']);
      assertNoInternals(res.text);
    });

    test('an adapter that throws a string (not an Error) is ERP_UNAVAILABLE with no internal detail', async () => {
      const res = await rawGql(server.url, '{ product(sku: "A2") { sku availability { status } } }');
      const body = JSON.parse(res.text);
      assert.deepEqual(errorCodes(body), ['ERP_UNAVAILABLE'], res.text);
      assertNoInternals(res.text);
    });

    test('a failed ERP call is not cached: the next request asks the ERP again and succeeds', async () => {
      failNext = true;
      const first = await server.gql('{ product(sku: "FLAKY") { sku } }');
      assert.deepEqual(errorCodes(first.body), ['ERP_UNAVAILABLE']);
      const second = await server.gql('{ product(sku: "FLAKY") { sku } }');
      assert.equal(second.body.errors, undefined);
      assert.deepEqual(second.body.data, { product: { sku: 'FLAKY' } });
    });

    test('GET /readyz is 200 while ping works, even when other calls fail', async () => {
      const res = await rawRequest(`${server.url}/readyz`);
      assert.equal(res.status, 200);
    });
  });

  describe('an adapter that never answers', () => {
    let server: AdapterServer;
    before(async () => {
      server = await startServerWithAdapter(
        adapterWith({ catalogPage: () => new Promise(() => undefined), ping: () => new Promise(() => undefined) }),
        { ERP_TIMEOUT_MS: '200' },
      );
    });
    after(() => server.close());

    test('a query waiting on it fails with ERP_TIMEOUT after ERP_TIMEOUT_MS', async () => {
      const res = await rawGql(server.url, '{ catalog(first: 5) { edges { node { sku } } } }');
      assert.deepEqual(errorCodes(JSON.parse(res.text)), ['ERP_TIMEOUT']);
      assertNoInternals(res.text);
    });

    test('GET /readyz is 503 when ping does not answer in time', async () => {
      const res = await rawRequest(`${server.url}/readyz`);
      assert.equal(res.status, 503);
    });

    test('other queries still work while a call hangs', async () => {
      const res = await server.gql('{ product(sku: "A1") { sku } }');
      assert.deepEqual(res.body.data, { product: { sku: 'A1' } });
    });
  });

  describe('an adapter whose ping throws', () => {
    let server: AdapterServer;
    before(async () => {
      server = await startServerWithAdapter(
        adapterWith({
          ping: async () => {
            throw leakyError();
          },
        }),
      );
    });
    after(() => server.close());

    test('GET /readyz is 503, with no internal detail', async () => {
      const res = await rawRequest(`${server.url}/readyz`);
      assert.equal(res.status, 503);
      assertNoInternals(res.text);
    });

    test('GET /healthz is still 200 (the process is alive)', async () => {
      const res = await rawRequest(`${server.url}/healthz`);
      assert.equal(res.status, 200);
    });
  });
});

describe('scalar input', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixtureDb());
  });
  after(() => server.close());

  const price = async (argument: string, variables?: Record<string, unknown>, declare = '') =>
    server.gql(`query${declare} { product(sku: "A1") { price${argument} { quantity unitPrice } } }`, variables ? { variables } : {});

  test('a Boolean literal for a Decimal is BAD_USER_INPUT', async () => {
    assert.deepEqual(errorCodes((await price('(quantity: true)')).body), ['BAD_USER_INPUT']);
  });

  test('a non-numeric string for a Decimal is BAD_USER_INPUT', async () => {
    for (const text of ['abc', '', '1,5', '1.2.3', 'NaN', 'Infinity', '0x10']) {
      assert.deepEqual(errorCodes((await price(`(quantity: ${JSON.stringify(text)})`)).body), ['BAD_USER_INPUT'], text);
    }
  });

  test('a zero or negative quantity is BAD_USER_INPUT', async () => {
    for (const q of ['0', '-1', '"0.000"', '"-0.5"']) {
      assert.deepEqual(errorCodes((await price(`(quantity: ${q})`)).body), ['BAD_USER_INPUT'], q);
    }
  });

  test('a bad Decimal variable is BAD_USER_INPUT', async () => {
    for (const q of [true, 'abc', {}, [1]]) {
      const res = await price('(quantity: $q)', { q }, '($q: Decimal)');
      assert.deepEqual(errorCodes(res.body), ['BAD_USER_INPUT'], JSON.stringify(q));
    }
  });

  test('a Decimal is accepted as a String, Int or Float literal or variable', async () => {
    for (const [argument, variables, declare] of [
      ['(quantity: "12")', undefined, ''],
      ['(quantity: 12)', undefined, ''],
      ['(quantity: 12.0)', undefined, ''],
      ['(quantity: $q)', { q: '12' }, '($q: Decimal)'],
      ['(quantity: $q)', { q: 12 }, '($q: Decimal)'],
    ] as const) {
      const res = await price(argument, variables, declare);
      assert.equal(res.body.errors, undefined, `${argument} ${JSON.stringify(variables)}: ${JSON.stringify(res.body.errors)}`);
      assert.equal(res.body.data.product.price.unitPrice, '9.0000');
    }
  });

  test('price without a quantity argument prices the default quantity 1', async () => {
    const res = await price('');
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(res.body.data.product.price, { quantity: '1', unitPrice: '10.0000' });
  });

  test('a Date that does not exist (2026-02-30) is BAD_USER_INPUT', async () => {
    // No core query takes a Date yet; a variable used inside an _Any
    // representation still goes through Date's input coercion.
    const query = 'query($d: Date!) { _entities(representations: [{ __typename: "Product", sku: $d }]) { __typename } }';
    for (const d of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', '2026-01-01T00:00:00Z']) {
      const res = await server.gql(query, { variables: { d } });
      assert.deepEqual(errorCodes(res.body), ['BAD_USER_INPUT'], d);
    }
    const ok = await server.gql(query, { variables: { d: '2024-02-29' } });
    assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
  });

  test('the Date scalar refuses impossible dates with BAD_USER_INPUT', () => {
    for (const text of ['2026-02-30', '2025-02-29', '2026-04-31', '2026-00-10', '']) {
      assert.throws(
        () => DateScalar.parseValue(text),
        (error: unknown) => error instanceof PonteError && error.code === 'BAD_USER_INPUT',
        text,
      );
    }
    assert.equal(DateScalar.parseValue('2024-02-29'), '2024-02-29');
  });
});

describe('HTTP endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixtureDb(), { env: { METRICS_PORT: '0' } });
  });
  after(() => server.close());

  test('GET /healthz is 200', async () => {
    const res = await rawRequest(`${server.url}/healthz`);
    assert.equal(res.status, 200);
  });

  test('GET /readyz is 200 when the ERP answers', async () => {
    const res = await rawRequest(`${server.url}/readyz`);
    assert.equal(res.status, 200);
  });

  test('GET /metrics is Prometheus text with the ERP call duration histogram', async () => {
    await server.gql('{ catalog(first: 1) { edges { node { sku } } } }');
    // /metrics has its own listener (METRICS_PORT), not the public port.
    const metricsUrl = await server.app.listenMetrics();
    const res = await rawRequest(`${metricsUrl}/metrics`);
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    assert.match(res.text, /# TYPE ponte_erp_call_duration_seconds histogram/);
    assert.match(res.text, /ponte_erp_call_duration_seconds_bucket\{[^}]*operation="catalogPage"/);
  });

  test('a GET /graphql query without a preflight header is refused by CSRF prevention (400)', async () => {
    const res = await rawRequest(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    assert.equal(res.status, 400);
    assert.ok(!res.text.includes('"__typename":"Query"'));
  });

  test('a GET /graphql query with apollo-require-preflight works', async () => {
    const res = await rawRequest(`${server.url}/graphql?query=${encodeURIComponent('{ product(sku: "A1") { sku } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(JSON.parse(res.text), { data: { product: { sku: 'A1' } } });
  });
});
