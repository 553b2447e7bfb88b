/**
 * The catalog asks the ERP only for rows that can be visible: restricted
 * articles are left out of the SQL when no ALLOW rule applies, and a family
 * denied outright costs no query at all. isVisible still decides each row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const PAGE = `query($family: String) { catalog(first: 5, family: $family) { edges { node { sku } } pageInfo { hasNextPage } } }`;

describe('catalog narrowing', () => {
  let server: TestServer;
  before(async () => {
    const db = createFixtureDb();
    // 40 restricted articles first in sku order, then 3 open ones.
    insertRows(db, 'ecom_articles', [
      ...Array.from({ length: 40 }, (_, i) => article(`A${String(i).padStart(2, '0')}`, { restricted: 1, family_code: 'EXCL' })),
      article('B1', { family_code: 'OPEN' }),
      article('B2', { family_code: 'OPEN' }),
      article('B3', { family_code: 'DENIED' }),
    ]);
    insertRows(db, 'ecom_customers', [customer('C1'), customer('C2')]);
    insertRows(db, 'ecom_visibility', [
      { rule_id: 1, mode: 'DENY', sku: null, family_code: 'DENIED', customer_code: 'C1', customer_group: null },
      { rule_id: 2, mode: 'ALLOW', sku: 'A05', family_code: null, customer_code: 'C2', customer_group: null },
    ]);
    server = await startTestServer(db);
  });
  after(() => server.close());

  test('anonymous callers page past restricted articles in one catalog query', async () => {
    const res = await server.gql(PAGE);
    assert.deepEqual(res.body.data.catalog.edges.map((e: { node: { sku: string } }) => e.node.sku), ['B1', 'B2', 'B3']);
    assert.equal(server.app.erpCalls.byOperation.get('catalogPage'), 1);
  });

  test('a customer without ALLOW rules sees the same page as anonymous, minus its denied family', async () => {
    const token = await server.token({ role: 'customer', customer: 'C1' });
    const res = await server.gql(PAGE, { token });
    assert.deepEqual(res.body.data.catalog.edges.map((e: { node: { sku: string } }) => e.node.sku), ['B1', 'B2']);
  });

  test('a family denied outright answers an empty page without asking the ERP for articles', async () => {
    const token = await server.token({ role: 'customer', customer: 'C1' });
    await server.gql(PAGE, { token }); // the customer context is now cached
    const res = await server.gql(PAGE, { token, variables: { family: 'DENIED' } });
    assert.deepEqual(res.body.data.catalog, { edges: [], pageInfo: { hasNextPage: false } });
    assert.equal(res.erpCalls, 0);
  });

  test('a customer with an ALLOW rule still finds its restricted article among the others', async () => {
    const token = await server.token({ role: 'customer', customer: 'C2' });
    const res = await server.gql(PAGE, { token });
    assert.deepEqual(res.body.data.catalog.edges.map((e: { node: { sku: string } }) => e.node.sku), ['A05', 'B1', 'B2', 'B3']);
  });
});

describe('catalog narrowing on an export with a NULL restricted bit', () => {
  test('an article whose restricted bit is NULL is treated as unrestricted by the SQL narrowing too', async () => {
    const db = createFixtureDb();
    // An integrator's export may declare the bit nullable; the visibility
    // rule reads NULL as 0, and so must the narrowed catalog query.
    db.exec(`DROP TABLE ecom_articles;
      CREATE TABLE ecom_articles (sku TEXT PRIMARY KEY, description TEXT, unit TEXT, family_code TEXT, vat_rate TEXT,
        pack_qty TEXT, min_order_qty TEXT, restricted INTEGER, active INTEGER, web_enabled INTEGER)`);
    insertRows(db, 'ecom_articles', [article('N1', { restricted: null }), article('R1', { restricted: 1 })]);
    const server = await startTestServer(db);
    try {
      const res = await server.gql(PAGE);
      assert.deepEqual(res.body.data.catalog.edges.map((e: { node: { sku: string } }) => e.node.sku), ['N1']);
      const single = await server.gql('{ product(sku: "N1") { sku } }');
      assert.equal(single.body.data.product.sku, 'N1');
    } finally {
      await server.close();
    }
  });
});
