/**
 * Issue 12, partial data: a field the caller may not see costs that field
 * (its error, with its path, in a 200 next to the rest of the data), as
 * Apollo Client's HttpLink and urql expect; only a request refused as a
 * whole (a bad token) answers 401 without data.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import type { ErpPort } from '../../src/erp/port';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { errorCodes } from '../helpers/rawHttp';
import { startTestServer, type GqlResponse, type TestServer } from '../helpers/testServer';

const CATALOG = 'catalog(first: 2) { edges { node { sku } } }';
const TWO_SKUS = { edges: [{ node: { sku: 'A1' } }, { node: { sku: 'A2' } }] };

function fixture() {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [{ agent_code: 'AG1', name: 'Agente Uno', email: null }]);
  insertRows(db, 'ecom_customers', [customer('C1', { agent_code: 'AG1' })]);
  insertRows(db, 'ecom_articles', [article('A1'), article('A2')]);
  return db;
}

/** The one error of a partial answer: its code and path, with HTTP 200 and the public part of the data. */
function assertPartial(res: GqlResponse, field: string, code: string): void {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(
    (res.body.errors ?? []).map((e) => ({ code: e.extensions?.code, path: e.path })),
    [{ code, path: [field] }],
  );
  assert.deepEqual(res.body.data.catalog, TWO_SKUS);
  assert.equal(res.body.data[field], null);
}

describe('partial data: a field the caller may not see costs that field, with HTTP 200', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixture());
  });
  after(() => server.close());

  test('anonymous catalog and documents: the catalog, and documents null with UNAUTHENTICATED', async () => {
    const res = await server.gql(`{ ${CATALOG} documents(first: 1) { edges { node { id } } } }`);
    assertPartial(res, 'documents', 'UNAUTHENTICATED');
  });

  test('anonymous catalog and quote: the catalog, and quote null with UNAUTHENTICATED', async () => {
    const res = await server.gql(`{ ${CATALOG} quote(lines: [{ sku: "A1", quantity: "1" }]) { totalGross } }`);
    assertPartial(res, 'quote', 'UNAUTHENTICATED');
  });

  test('a customer asking for the customers list: the catalog, and customers null with FORBIDDEN', async () => {
    const token = await server.token({ role: 'customer', customer: 'C1' });
    const res = await server.gql(`{ ${CATALOG} customers(first: 1) { edges { node { code } } } }`, { token });
    assertPartial(res, 'customers', 'FORBIDDEN');
  });

  test('an agent acting for nobody asking for orders: the catalog, and orders null with ACTING_CUSTOMER_REQUIRED', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    const res = await server.gql(`{ ${CATALOG} orders(first: 1) { edges { node { id } } } }`, { token });
    assertPartial(res, 'orders', 'ACTING_CUSTOMER_REQUIRED');
  });

  test('the same agent acting for its customer gets both fields and no error', async () => {
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    const res = await server.gql(`{ ${CATALOG} orders(first: 1) { edges { node { id } } } }`, { token, acting: 'C1' });
    assert.equal(res.status, 200);
    assert.equal(res.body.errors, undefined);
    assert.deepEqual(res.body.data, { catalog: TWO_SKUS, orders: { edges: [] } });
  });

  test('a token signed with another key is 401 for the whole request, without data', async () => {
    const forged = await new SignJWT({ role: 'customer', customer: 'C1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-bytes!!'));
    const res = await server.gql(`{ ${CATALOG} documents(first: 1) { edges { node { id } } } }`, { token: forged });
    assert.equal(res.status, 401);
    assert.deepEqual(errorCodes(res.body), ['UNAUTHENTICATED']);
    assert.equal(res.body.data ?? null, null);
  });

  test('an expired token is 401 for the whole request, even when it asks only for the public catalog', async () => {
    const expired = await server.token({ role: 'customer', customer: 'C1' }, -60);
    const res = await server.gql(`{ ${CATALOG} }`, { token: expired });
    assert.equal(res.status, 401);
    assert.deepEqual(errorCodes(res.body), ['UNAUTHENTICATED']);
    assert.equal(res.body.data ?? null, null);
  });
});

describe('ACTING_CUSTOMER_REQUIRED: a customer-only field called for nobody', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixture());
  });
  after(() => server.close());

  test('a service token without X-Acting-Customer asking for documents gets ACTING_CUSTOMER_REQUIRED, HTTP 200', async () => {
    const token = await server.token({ role: 'service' });
    const res = await server.gql('{ documents(first: 1) { edges { node { id } } } }', { token });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.errors?.map((e) => ({ code: e.extensions?.code, path: e.path })), [
      { code: 'ACTING_CUSTOMER_REQUIRED', path: ['documents'] },
    ]);
    assert.match(res.body.errors![0]!.message, /X-Acting-Customer/);
    assert.deepEqual(res.body.data, { documents: null });
  });

  test('an agent naming a customer it does not follow is still FORBIDDEN, not ACTING_CUSTOMER_REQUIRED', async () => {
    insertRows(server.sqlite.db, 'ecom_customers', [customer('C9', { agent_code: null })]);
    const token = await server.token({ role: 'agent', agent: 'AG1' });
    const res = await server.gql('{ documents(first: 1) { edges { node { id } } } }', { token, acting: 'C9' });
    assert.equal(res.status, 200);
    assert.deepEqual(errorCodes(res.body), ['FORBIDDEN']);
  });
});

describe('a failing stock lookup costs the availability fields only', () => {
  let server: TestServer;
  before(async () => {
    // Every stock read fails as an unreachable ERP would; prices and articles still answer.
    const failingStock = (inner: ErpPort): ErpPort =>
      new Proxy(inner, {
        get: (target, property, receiver) => {
          if (property === 'stockFacts') return async () => Promise.reject(new Error('connection refused'));
          const value = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    server = await startTestServer(fixture(), { wrapAdapter: failingStock });
  });
  after(() => server.close());

  test('a catalog page keeps every product, with availability null and ERP_UNAVAILABLE at each path', async () => {
    const res = await server.gql('{ catalog(first: 2) { edges { node { sku erpDescription availability { status } } } } }');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data.catalog.edges, [
      { node: { sku: 'A1', erpDescription: 'Articolo A1', availability: null } },
      { node: { sku: 'A2', erpDescription: 'Articolo A2', availability: null } },
    ]);
    assert.deepEqual(
      res.body.errors?.map((e) => ({ code: e.extensions?.code, path: e.path })),
      [0, 1].map((i) => ({ code: 'ERP_UNAVAILABLE', path: ['catalog', 'edges', i, 'node', 'availability'] })),
    );
  });
});
