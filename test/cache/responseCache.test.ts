/**
 * The response cache: a cached answer reaches only viewers whose answer
 * would be the same, changes in the feed reach cached answers, and hits cost
 * no ERP call.
 *
 * The main check is a property over random contract-conformant ERPs (the
 * oracle's generator): every viewer asks the same product queries, in a
 * random order and twice, of a server with every cache on and of one with
 * caches off; every answer must be byte-identical.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MISSING_SKUS, Rng, generateRandomErp, writeErpDatabase } from '../oracle/randomErp';
import { startOracleServer, type OracleServer } from '../oracle/oracleModel';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const CACHES_OFF = { CACHE_TTL_MS: '1', STOCK_CACHE_TTL_MS: '1', STALE_IF_ERROR_MS: '0', CHANGE_FEED_POLL_MS: '0', RATE_LIMITS: 'off' };

interface Caller {
  name: string;
  token?: string;
  acting?: string;
}

describe('a cached answer equals the answer with caches off, for every viewer (random ERPs)', () => {
  for (const seed of [3, 11, 29]) {
    describe(`seed ${seed}`, () => {
      let dir: string;
      let cached: OracleServer;
      let uncached: OracleServer;
      let callers: Caller[];
      let queries: string[];
      let rng: Rng;

      before(async () => {
        const erp = generateRandomErp(seed, { today: '2026-11-30' });
        // Customers with no rules or conditions of their own, on every list
        // and group (twice each), so that viewers do share fingerprints, and
        // viewers one fact apart (list, group) sit side by side.
        const lists = [null, ...new Set(erp.customers.map((c) => c.priceListCode).filter((l): l is string => l !== null))];
        const groups = [null, ...new Set(erp.customers.map((c) => c.group).filter((g): g is string => g !== null))];
        for (const list of lists) {
          for (const group of groups) {
            for (const twin of [1, 2]) {
              const code = `TW-${list ?? 'none'}-${group ?? 'none'}-${twin}`;
              erp.customers.push({ code, companyName: code, priceListCode: list, group, agentCode: twin === 1 ? 'AG2' : null, blocked: false });
            }
          }
        }
        dir = mkdtempSync(join(tmpdir(), 'ponte-rcache-'));
        const path = join(dir, 'erp.sqlite');
        writeErpDatabase(erp, path);
        const clock = new Date('2026-11-30T10:00:00Z');
        cached = await startOracleServer(path, () => clock, { CHANGE_FEED_POLL_MS: '0', RATE_LIMITS: 'off' });
        uncached = await startOracleServer(path, () => clock, CACHES_OFF);
        rng = new Rng(seed);
        callers = [{ name: 'anonymous' }];
        for (const c of erp.customers) callers.push({ name: `customer ${c.code}`, token: await cached.token({ role: 'customer', customer: c.code }) });
        const ag2 = await cached.token({ role: 'agent', agent: 'AG2' });
        for (const c of erp.customers.filter((c) => c.agentCode === 'AG2')) callers.push({ name: `AG2 for ${c.code}`, token: ag2, acting: c.code });
        callers.push({ name: 'AG1 for nobody', token: await cached.token({ role: 'agent', agent: 'AG1' }) });
        const service = await cached.token({ role: 'service' });
        callers.push({ name: 'service for nobody', token: service });
        callers.push({ name: `service for ${erp.customers[0]!.code}`, token: service, acting: erp.customers[0]!.code });
        const skus = erp.articles.map((a) => a.sku);
        const some = () => JSON.stringify([...rng.shuffle([...skus]).slice(0, 8), MISSING_SKUS[0]!]);
        const fields = 'sku erpDescription price { unitPrice listPrice discounts source conditionId discountConditionId } priceBreaks { minQuantity unitPrice } availability { status available warehouses { code available } }';
        queries = [
          `{ catalog(first: 15) { edges { cursor node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
          `{ catalog(first: 50, family: ${JSON.stringify(erp.families[0])}) { edges { node { sku price(quantity: "12") { unitPrice } } } } }`,
          `{ products(skus: ${some()}) { ${fields} } }`,
          `{ products(skus: ${some()}) { sku price(quantity: "5") { unitPrice lineTotal } } }`,
          `{ product(sku: ${JSON.stringify(skus[0])}) { ${fields} } }`,
        ];
      });

      after(async () => {
        await cached?.close();
        await uncached?.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      test('every viewer gets, from the cached server, exactly what the uncached server answers', async () => {
        const pairs = rng.shuffle(callers.flatMap((caller) => queries.map((query) => ({ caller, query }))));
        const mismatches: string[] = [];
        for (const round of [1, 2]) {
          for (const { caller, query } of round === 1 ? pairs : rng.shuffle([...pairs])) {
            const o = { ...(caller.token ? { token: caller.token } : {}), ...(caller.acting ? { acting: caller.acting } : {}) };
            const [a, b] = await Promise.all([cached.gql(query, o), uncached.gql(query, o)]);
            // Data and errors: with 1 ms lifetimes the uncached server may mark a fact read earlier in the same request as stale.
            const answer = (body: any) => JSON.stringify({ data: body.data, errors: body.errors });
            if (answer(a.body) !== answer(b.body)) mismatches.push(`${caller.name} round ${round}: ${query.slice(0, 60)}: ${answer(a.body).slice(0, 300)} vs ${answer(b.body).slice(0, 300)}`);
          }
        }
        assert.deepEqual(mismatches, []);
        assert.ok(cached.app.cache.responses.hits > pairs.length / 2, `the cache was exercised: ${cached.app.cache.responses.hits} hits`);
      });
    });
  }
});

describe('response cache behaviour', () => {
  let server: TestServer;
  let db: Database.Database;
  const PAGE = '{ catalog(first: 10) { edges { node { sku price { unitPrice } availability { status available } } } } }';

  before(async () => {
    db = createFixtureDb();
    insertRows(db, 'ecom_customers', [
      customer('C1', { customer_group: 'G' }),
      customer('C2', { customer_group: 'G' }),
      customer('C3', { customer_group: 'G' }),
      customer('C4', { customer_group: 'G' }),
    ]);
    insertRows(db, 'ecom_articles', [article('A1'), article('A2')]);
    insertRows(db, 'ecom_price_list_items', [
      { price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null },
      { price_list_code: 'BASE', sku: 'A2', min_qty: '0', price: '20.0000', valid_from: null, valid_to: null },
    ]);
    insertRows(db, 'ecom_stock', [{ sku: 'A1', warehouse_code: 'MAG1', on_hand: '50', committed: '0' }]);
    // C3 has a discount of its own: it must never share C1's answers.
    insertRows(db, 'ecom_conditions', [
      {
        condition_id: 1, customer_code: 'C3', customer_group: null, sku: null, family_code: null, min_qty: '0', valid_from: null, valid_to: null,
        priority: 0, kind: 'DISCOUNT', price: null, discount_1: '50', discount_2: null, discount_3: null,
      },
      // C4 has a discount of its own on A2 only: pages without A2 are the group's.
      {
        condition_id: 2, customer_code: 'C4', customer_group: null, sku: 'A2', family_code: null, min_qty: '0', valid_from: null, valid_to: null,
        priority: 0, kind: 'DISCOUNT', price: null, discount_1: '10', discount_2: null, discount_3: null,
      },
    ]);
    server = await startTestServer(db);
  });
  after(() => server.close());

  const as = async (code: string) => ({ token: await server.token({ role: 'customer', customer: code }) });

  test('a repeated page is answered from the cache: same bytes, no ERP call', async () => {
    const first = await server.gql(PAGE, await as('C1'));
    const hits = server.app.cache.responses.hits;
    const second = await server.gql(PAGE, await as('C1'));
    assert.deepEqual(second.body, first.body);
    assert.equal(second.erpCalls, 0);
    assert.equal(server.app.cache.responses.hits, hits + 1);
  });

  test('a customer of the same group and list shares the answer; one with its own conditions does not', async () => {
    const c1 = await server.gql(PAGE, await as('C1'));
    const hits = server.app.cache.responses.hits;
    await server.gql('{ me { code } }', await as('C2'));
    const c2 = await server.gql(PAGE, await as('C2'));
    assert.deepEqual(c2.body, c1.body);
    assert.equal(server.app.cache.responses.hits, hits + 1, 'C2 was answered from C1s entry');
    const c3 = await server.gql(PAGE, await as('C3'));
    assert.equal(c3.body.data.catalog.edges[0].node.price.unitPrice, '5.0000');
  });

  const productsPage = (skus: string[], label: string) => `query ${label} { products(skus: ${JSON.stringify(skus)}) { sku price { unitPrice } } }`;

  test('a customer whose own conditions reach none of the articles shares the group answer', async () => {
    const query = productsPage(['A1'], 'SharedA1');
    const c1 = await server.gql(query, await as('C1'));
    await server.gql('{ me { code } }', await as('C4'));
    const hits = server.app.cache.responses.hits;
    const c4 = await server.gql(query, await as('C4'));
    assert.deepEqual(c4.body, c1.body);
    assert.equal(server.app.cache.responses.hits, hits + 1, 'C4 was answered from C1s entry');
  });

  test('an answer for a customer whose own rows do not reach it is shared with its group', async () => {
    const query = productsPage(['A1'], 'FromC4');
    const c4 = await server.gql(query, await as('C4'));
    await server.gql('{ me { code } }', await as('C2'));
    const hits = server.app.cache.responses.hits;
    const c2 = await server.gql(query, await as('C2'));
    assert.deepEqual(c2.body, c4.body);
    assert.equal(server.app.cache.responses.hits, hits + 1, 'C2 was answered from C4s entry');
  });

  test('a customer whose own conditions reach an article on the page gets its own answer', async () => {
    const query = productsPage(['A1', 'A2'], 'Reached');
    const c1 = await server.gql(query, await as('C1'));
    assert.equal(c1.body.data.products[1].price.unitPrice, '20.0000');
    const c4 = await server.gql(query, await as('C4'));
    assert.equal(c4.body.data.products[1].price.unitPrice, '18.0000');
    // And in the other order: C4's answer never reaches C1.
    const other = productsPage(['A2'], 'ReachedFirst');
    assert.equal((await server.gql(other, await as('C4'))).body.data.products[0].price.unitPrice, '18.0000');
    assert.equal((await server.gql(other, await as('C1'))).body.data.products[0].price.unitPrice, '20.0000');
  });

  test('a customer-wide condition of its own is never shared', async () => {
    const query = productsPage(['A1'], 'Wide');
    await server.gql(query, await as('C1'));
    const c3 = await server.gql(query, await as('C3'));
    assert.equal(c3.body.data.products[0].price.unitPrice, '5.0000');
  });

  test('a change in the feed reaches a cached answer', async () => {
    const token = await as('C1');
    await server.gql(PAGE, token);
    db.prepare(`UPDATE ecom_stock SET on_hand = '7' WHERE sku = 'A1'`).run();
    db.prepare(`INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('STOCK', 'A1', '2026-11-30T10:00:00')`).run();
    await server.app.changeFeed.pollOnce();
    const after = await server.gql(PAGE, token);
    assert.equal(after.body.data.catalog.edges[0].node.availability.available, '7');
    db.prepare(`UPDATE ecom_price_list_items SET price = '11.0000' WHERE sku = 'A2'`).run();
    db.prepare(`INSERT INTO ecom_changes (entity, entity_key, changed_at) VALUES ('PRICE_LIST', 'BASE', '2026-11-30T10:00:01')`).run();
    await server.app.changeFeed.pollOnce();
    const repriced = await server.gql(PAGE, token);
    assert.equal(repriced.body.data.catalog.edges[1].node.price.unitPrice, '11.0000');
  });

  test('answers with an error or a stale fact are not cached', async () => {
    const query = '{ product(sku: "A1") { sku price(quantity: "-1") { unitPrice } } }';
    await server.gql(query, await as('C1'));
    const size = server.app.cache.responses.size;
    await server.gql(query, await as('C1'));
    assert.equal(server.app.cache.responses.size, size);
  });

  test('a query with anything but product fields is never cached', async () => {
    const size = server.app.cache.responses.size;
    await server.gql('{ me { code } catalog(first: 1) { edges { node { sku } } } }', await as('C1'));
    assert.equal(server.app.cache.responses.size, size);
  });
});
