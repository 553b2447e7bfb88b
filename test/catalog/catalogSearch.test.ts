/**
 * catalog(search:) over HTTP: every word in any order, case and accents
 * ignored; totalCount and the families facet count exactly what the caller
 * may see (anonymous, a customer with ALLOW and DENY rules, an agent acting
 * for it, an agent acting for nobody), and never an invisible article.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const SEARCH = `query($search: String, $family: String, $first: Int) {
  catalog(first: $first, search: $search, family: $family) {
    edges { node { sku } }
    totalCount
    families { code name count }
  }
}`;

interface Answer {
  skus: string[];
  totalCount: number;
  families: Array<{ code: string; name: string; count: number }>;
}

const rule = (id: number, mode: 'ALLOW' | 'DENY', what: { sku?: string; family?: string }, who: { customer?: string; group?: string }) => ({
  rule_id: id,
  mode,
  sku: what.sku ?? null,
  family_code: what.family ?? null,
  customer_code: who.customer ?? null,
  customer_group: who.group ?? null,
});

describe('catalog search, totalCount and families', () => {
  let server: TestServer;
  let customerToken: string;
  let agentToken: string;

  const ask = async (variables: Record<string, unknown>, auth: { token?: string; acting?: string } = {}): Promise<Answer> => {
    const res = await server.gql(SEARCH, { ...auth, variables: { first: 50, ...variables } });
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    const c = res.body.data.catalog;
    return { skus: c.edges.map((e: { node: { sku: string } }) => e.node.sku), totalCount: c.totalCount, families: c.families };
  };

  before(async () => {
    const db = createFixtureDb();
    insertRows(db, 'ecom_families', [
      { family_code: 'ELE', description: 'Materiale elettrico' },
      { family_code: 'GIA', description: 'Giardinaggio' },
      // IDR has no row: its name is its code.
    ]);
    insertRows(db, 'ecom_articles', [
      article('ELE-001', { family_code: 'ELE', description: 'Interruttore magnetotermico 1P+N 25A curva C' }),
      article('ELE-002', { family_code: 'ELE', description: 'Interruttore differenziale 2P 25A 30 mA', restricted: 1 }),
      article('ELE-003', { family_code: 'ELE', description: 'Interruttore magnetotermico 2P 16A' }),
      article('ELE-004', { family_code: 'ELE', description: 'Interruttore 25A fuori catalogo', active: 0 }),
      article('ELE-005', { family_code: 'ELE', description: 'Interruttore 25A solo in negozio', web_enabled: 0 }),
      article('ELE-006', { family_code: 'ELE', description: 'Interruttore 25A riservato', restricted: 1 }),
      article('GIA-001', { family_code: 'GIA', description: 'Interruttore crepuscolare 25A da esterno' }),
      article('IDR-001', { family_code: 'IDR', description: 'Pompa sommersa con interruttore a galleggiante 25A' }),
      article('IDR-002', { family_code: 'IDR', description: 'Valvola già tarata PERCHÉ' }),
      article('VAR-001', { description: 'Interruttore 25A da banco' }),
    ]);
    insertRows(db, 'ecom_customers', [customer('C1', { agent_code: 'AG1' })]);
    insertRows(db, 'ecom_visibility', [
      rule(1, 'ALLOW', { sku: 'ELE-002' }, { customer: 'C1' }),
      rule(2, 'DENY', { family: 'GIA' }, { customer: 'C1' }),
      rule(3, 'DENY', { sku: 'ELE-001' }, { customer: 'C1' }),
      // Names an article the search does not match: must change no count.
      rule(4, 'ALLOW', { sku: 'ELE-003' }, { customer: 'C1' }),
      // Names an inactive article: still invisible.
      rule(5, 'ALLOW', { sku: 'ELE-004' }, { customer: 'C1' }),
    ]);
    server = await startTestServer(db);
    customerToken = await server.token({ role: 'customer', customer: 'C1' });
    agentToken = await server.token({ role: 'agent', agent: 'AG1' });
  });
  after(() => server.close());

  test('"interruttore 25A" finds the articles holding both words, in any order and any case', async () => {
    const want = ['ELE-001', 'GIA-001', 'IDR-001', 'VAR-001'];
    assert.deepEqual((await ask({ search: 'interruttore 25A' })).skus, want);
    assert.deepEqual((await ask({ search: '25a INTERRUTTORE' })).skus, want);
  });

  test('accents are ignored in the search and in the description', async () => {
    assert.deepEqual((await ask({ search: 'gia tarata perche' })).skus, ['IDR-002']);
    assert.deepEqual((await ask({ search: 'GIÀ PERCHÉ' })).skus, ['IDR-002']);
  });

  test('a word may match the sku while another matches the description', async () => {
    assert.deepEqual((await ask({ search: 'ele-00 magnetotermico' })).skus, ['ELE-001', 'ELE-003']);
  });

  test('anonymous: totalCount and families count unrestricted, active, web-enabled matches only', async () => {
    const a = await ask({ search: 'interruttore 25A' });
    assert.equal(a.totalCount, 4);
    assert.deepEqual(a.families, [
      { code: 'GIA', name: 'Giardinaggio', count: 1 },
      { code: 'IDR', name: 'IDR', count: 1 },
      { code: 'ELE', name: 'Materiale elettrico', count: 1 },
    ]);
  });

  test('a customer: an ALLOW rule adds its restricted article, DENY rules remove an article and a family', async () => {
    const c = await ask({ search: 'interruttore 25A' }, { token: customerToken });
    assert.deepEqual(c.skus, ['ELE-002', 'IDR-001', 'VAR-001']);
    assert.equal(c.totalCount, 3);
    assert.deepEqual(c.families, [
      { code: 'IDR', name: 'IDR', count: 1 },
      { code: 'ELE', name: 'Materiale elettrico', count: 1 },
    ]);
  });

  test('an agent acting for the customer counts what the customer sees', async () => {
    const asCustomer = await ask({ search: 'interruttore 25A' }, { token: customerToken });
    assert.deepEqual(await ask({ search: 'interruttore 25A' }, { token: agentToken, acting: 'C1' }), asCustomer);
  });

  test('an agent acting for nobody counts every active, web-enabled match, restricted ones included', async () => {
    const a = await ask({ search: 'interruttore 25A' }, { token: agentToken });
    assert.deepEqual(a.skus, ['ELE-001', 'ELE-002', 'ELE-006', 'GIA-001', 'IDR-001', 'VAR-001']);
    assert.equal(a.totalCount, 6);
    assert.deepEqual(a.families.map((f) => `${f.code}=${f.count}`), ['GIA=1', 'IDR=1', 'ELE=3']);
  });

  test('totalCount counts every page, not the page shown', async () => {
    const a = await ask({ search: 'interruttore 25A', first: 1 });
    assert.deepEqual(a.skus, ['ELE-001']);
    assert.equal(a.totalCount, 4);
  });

  test('the family filter narrows totalCount; the facet still lists the other families of the search', async () => {
    const a = await ask({ search: 'interruttore 25A', family: 'IDR' }, { token: agentToken });
    assert.deepEqual(a.skus, ['IDR-001']);
    assert.equal(a.totalCount, 1);
    assert.deepEqual(a.families.map((f) => `${f.code}=${f.count}`), ['GIA=1', 'IDR=1', 'ELE=3']);
  });

  test('a family denied to the customer counts 0 and is no facet, even when asked for', async () => {
    const c = await ask({ search: 'interruttore', family: 'GIA' }, { token: customerToken });
    assert.deepEqual(c.skus, []);
    assert.equal(c.totalCount, 0);
    assert.ok(!c.families.some((f) => f.code === 'GIA'));
  });

  test('without a search, the counts are the whole visible catalog', async () => {
    const a = await ask({});
    assert.equal(a.totalCount, a.skus.length);
    assert.equal(a.totalCount, 6);
  });

  test('the same words in another order and case are answered from the caches: no ERP round trip', async () => {
    await ask({ search: 'pompa galleggiante' }, { token: customerToken });
    const res = await server.gql(SEARCH, { token: customerToken, variables: { search: 'galleggiante POMPA', first: 50 } });
    assert.equal(res.body.data.catalog.totalCount, 1);
    assert.equal(res.erpCalls, 0);
  });
});

describe('families without the optional ecom_families relation', () => {
  let server: TestServer;
  before(async () => {
    const db = createFixtureDb();
    db.exec('DROP TABLE ecom_families');
    insertRows(db, 'ecom_articles', [article('A1', { family_code: 'F1' }), article('A2', { family_code: 'F2' }), article('A3', { family_code: 'F2' })]);
    server = await startTestServer(db);
  });
  after(() => server.close());

  test("a family's name is its code", async () => {
    const res = await server.gql('{ catalog { totalCount families { code name count } } }');
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    assert.deepEqual(res.body.data.catalog, {
      totalCount: 3,
      families: [
        { code: 'F1', name: 'F1', count: 1 },
        { code: 'F2', name: 'F2', count: 2 },
      ],
    });
  });
});

describe('counts after a change in the feed', () => {
  let server: TestServer;
  let db: ReturnType<typeof createFixtureDb>;
  before(async () => {
    db = createFixtureDb();
    insertRows(db, 'ecom_articles', [article('A1', { family_code: 'F1', description: 'Tassello nylon' }), article('A2', { family_code: 'F1', description: 'Tassello acciaio' })]);
    server = await startTestServer(db);
  });
  after(() => server.close());

  test('an article that leaves the web is no longer counted once its ARTICLE change is read', async () => {
    const query = '{ catalog(search: "tassello") { totalCount families { code count } } }';
    assert.deepEqual((await server.gql(query)).body.data.catalog, { totalCount: 2, families: [{ code: 'F1', count: 2 }] });
    db.prepare(`UPDATE ecom_articles SET web_enabled = 0 WHERE sku = 'A2'`).run();
    db.prepare(`INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('ARTICLE', 'A2', '2026-11-30T10:00:00')`).run();
    await server.app.changeFeed.pollOnce();
    assert.deepEqual((await server.gql(query)).body.data.catalog, { totalCount: 1, families: [{ code: 'F1', count: 1 }] });
  });
});
