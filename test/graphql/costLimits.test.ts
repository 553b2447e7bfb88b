/**
 * Cost-based limits (hardening rows 2, 3, 4, 15): abusive requests are
 * refused with QUERY_TOO_COMPLEX before any ERP round trip, and the largest
 * documented requests are admitted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { encodeCursor } from '../../src/graphql/cursor';
import { errorCodes } from '../helpers/rawHttp';
import type { TestServer } from '../helpers/testServer';
import {
  CATALOG_PAGE_100,
  erpCallsSoFar,
  lines,
  orderInput,
  PLACE_ORDER,
  PRODUCT_FIELDS,
  QUOTE_LINES,
  SKUS,
  startLargeCatalogServer,
} from '../helpers/largeCatalogErp';

const aliases = (count: number, field: (i: number) => string) => Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ');

describe('abusive requests are refused before any ERP round trip', () => {
  let server: TestServer;
  let c1: string;
  before(async () => {
    server = await startLargeCatalogServer();
    c1 = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(() => server.close());

  test('117 aliased catalog pages of 100 with prices and stock are QUERY_TOO_COMPLEX with no ERP call', async () => {
    const before = erpCallsSoFar(server);
    // Lean enough to pass the old field-count rule (under 2,000 fields): the cost is in `first` and the priced fields.
    const page = 'catalog(first: 100) { edges { node { sku price { unitPrice explanation { kind } } priceBreaks { unitPrice } availability { status } } } }';
    const res = await server.gql(`{ ${aliases(117, () => page)} }`, { token: c1 });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
    assert.equal(res.body.data, undefined);
    assert.equal(erpCallsSoFar(server), before);
  });

  test('five catalog pages of 100 with prices, breaks and stock exceed the cost limit though within the alias limit', async () => {
    const before = erpCallsSoFar(server);
    const res = await server.gql(`{ ${aliases(5, () => CATALOG_PAGE_100)} }`, { token: c1, headers: { 'accept-language': 'en' } });
    assert.deepEqual(errorCodes(res.body), ['QUERY_TOO_COMPLEX']);
    assert.match(res.body.errors![0]!.message, /costs \d+, more than the limit/);
    assert.equal(erpCallsSoFar(server), before);
  });

  test('a refusal by the cost limit is HTTP 400 with a GraphQL error body', async () => {
    const res = await server.gql(`{ ${aliases(5, () => CATALOG_PAGE_100)} }`, { token: c1 });
    assert.equal(res.status, 400);
    assert.equal(res.body.errors?.length, 1);
  });

  test('200 aliased quotes of one 500-line variable are QUERY_TOO_COMPLEX with no ERP call', async () => {
    const before = erpCallsSoFar(server);
    const query = `query Q($l: [QuoteLineInput!]!) { ${aliases(200, () => 'quote(lines: $l) { totalNet }')} }`;
    const res = await server.gql(query, { token: c1, variables: { l: lines(500) } });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
    assert.equal(erpCallsSoFar(server), before);
  });

  test('four quotes of a 500-line variable exceed the cost limit: line counts in variables are counted', async () => {
    const before = erpCallsSoFar(server);
    const query = `query Q($l: [QuoteLineInput!]!) { ${aliases(4, () => 'quote(lines: $l) { totalNet lines { sku price { unitPrice } } }')} }`;
    const res = await server.gql(query, { token: c1, variables: { l: lines(500) } });
    assert.deepEqual(errorCodes(res.body), ['QUERY_TOO_COMPLEX']);
    assert.equal(erpCallsSoFar(server), before);
  });

  test('a selection nested 5,000 levels deep is QUERY_TOO_COMPLEX (HTTP 400), not a stack overflow', async () => {
    const query = `{ ${'me { '.repeat(5000)}code${' }'.repeat(5000)} }`;
    const res = await server.gql(query, { token: c1 });
    assert.equal(res.status, 400);
    assert.deepEqual(errorCodes(res.body), ['QUERY_TOO_COMPLEX']);
  });

  test('499 aliased catalog pages with distinct cursors are QUERY_TOO_COMPLEX with no ERP call', async () => {
    const before = erpCallsSoFar(server);
    const cursor = (i: number) => encodeCursor('sku', SKUS[i]!);
    const res = await server.gql(`{ ${aliases(499, (i) => `catalog(first: 1, after: "${cursor(i)}") { edges { node { sku } } }`)} }`, { token: c1 });
    assert.equal(res.body.errors?.[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
    assert.equal(erpCallsSoFar(server), before);
  });
});

describe('the largest documented requests are admitted', () => {
  let server: TestServer;
  let c1: string;
  before(async () => {
    server = await startLargeCatalogServer();
    c1 = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(() => server.close());

  test('products with 200 skus and their price, explanation, price breaks and availability', async () => {
    const res = await server.gql(`query P($skus: [ID!]!) { products(skus: $skus) { ${PRODUCT_FIELDS} } }`, {
      token: c1,
      variables: { skus: SKUS.slice(0, 200) },
    });
    assert.equal(res.body.errors, undefined);
    assert.equal(res.body.data.products.filter((p: unknown) => p !== null).length, 200);
  });

  test('a catalog page of 100 with prices, price breaks and availability', async () => {
    const res = await server.gql(`{ ${CATALOG_PAGE_100} }`, { token: c1 });
    assert.equal(res.body.errors, undefined);
    assert.equal(res.body.data.catalog.edges.length, 100);
  });

  test('a 500-line quote', async () => {
    const res = await server.gql(QUOTE_LINES, { token: c1, variables: { lines: lines(500) } });
    assert.equal(res.body.errors, undefined);
    assert.equal(res.body.data.quote.lines.length, 500);
    assert.deepEqual(res.body.data.quote.problems, []);
  });

  test('a 500-line order', async () => {
    const res = await server.gql(PLACE_ORDER, { token: c1, variables: { input: orderInput('big-order', 500) } });
    assert.equal(res.body.errors, undefined);
    assert.deepEqual(res.body.data.placeOrder.errors, []);
    assert.equal(res.body.data.placeOrder.order.lines.length, 500);
  });
});

describe('the per-request work budget', () => {
  test('a request needing more ERP round trips than MAX_ERP_CALLS_PER_REQUEST is QUERY_TOO_COMPLEX and makes no call past the budget', async () => {
    const server = await startLargeCatalogServer({ MAX_ERP_CALLS_PER_REQUEST: '1' });
    try {
      const c1 = await server.token({ role: 'customer', customer: 'C1' });
      const before = erpCallsSoFar(server);
      const res = await server.gql(`{ products(skus: ["H-0001", "H-0002"]) { sku price { unitPrice } availability { status } } }`, { token: c1 });
      assert.ok(errorCodes(res.body).includes('QUERY_TOO_COMPLEX'));
      assert.equal(erpCallsSoFar(server) - before, 1);
    } finally {
      await server.close();
    }
  });

  test('a request pricing more lines than MAX_PRICED_LINES_PER_REQUEST is QUERY_TOO_COMPLEX', async () => {
    const server = await startLargeCatalogServer({ MAX_PRICED_LINES_PER_REQUEST: '50' });
    try {
      const c1 = await server.token({ role: 'customer', customer: 'C1' });
      const res = await server.gql(`query P($skus: [ID!]!) { products(skus: $skus) { sku price { unitPrice } } }`, {
        token: c1,
        variables: { skus: SKUS.slice(0, 60) },
      });
      assert.ok(errorCodes(res.body).includes('QUERY_TOO_COMPLEX'));
      assert.equal(res.body.data.products.filter((p: { price: unknown } | null) => p?.price).length, 50);
    } finally {
      await server.close();
    }
  });
});
