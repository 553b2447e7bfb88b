/**
 * Hardening, "the event loop never waits on the ERP": a SQLite ERP locked by
 * another process (BEGIN EXCLUSIVE, as an ERP's own batch job or backup
 * does) costs only the requests that need it. /healthz and pages whose facts
 * are held keep answering, the ERP deadline fires, /readyz says what it
 * sees, and all recovers when the lock goes.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { request } from 'undici';
import { createPonteApp, type PonteApp } from '../../src/app';
import { mintToken } from '../../src/auth/mintToken';
import { loadConfig } from '../../src/config/config';
import { openErp } from '../../src/erp/openErp';
import { article, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { TEST_SECRET } from '../helpers/testServer';

const PAGE = '{ catalog(first: 5) { edges { node { sku price { unitPrice } availability { status available } } } } }';

describe('a SQLite ERP locked by another process', () => {
  let dir: string;
  let path: string;
  let app: PonteApp;
  let url: string;
  let locker: Database.Database;
  const token = (code: string) => mintToken(new TextEncoder().encode(TEST_SECRET), { role: 'customer', customer: code });

  async function gql(query: string, tokenValue?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (tokenValue) headers.authorization = `Bearer ${tokenValue}`;
    const res = await request(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
    return { status: res.statusCode, body: (await res.body.json()) as any };
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ponte-locked-'));
    path = join(dir, 'erp.sqlite');
    const fixture = createFixtureDb();
    insertRows(fixture, 'ecom_customers', [customer('C1'), customer('C2')]);
    insertRows(fixture, 'ecom_articles', [article('A1'), article('A2')]);
    insertRows(fixture, 'ecom_price_list_items', [
      { price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null },
    ]);
    // A file in the default rollback-journal mode: an exclusive lock there blocks readers too.
    writeFileSync(path, fixture.serialize());
    const config = loadConfig({
      ERP_URL: `sqlite:${path}`,
      AUTH_JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      CHANGE_FEED_POLL_MS: '0',
      ERP_TIMEOUT_MS: '300',
    });
    const logger = pino({ level: 'silent' });
    const erp = await openErp(config.erp, config.erpLimits, config.demo, logger);
    app = await createPonteApp({ config, adapter: erp.adapter, logger });
    url = await app.listen('127.0.0.1', 0);
    locker = new Database(path);
  });

  after(async () => {
    if (locker.inTransaction) locker.exec('ROLLBACK');
    locker.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('while the lock is held, /healthz answers before a request that waits on the ERP', async () => {
    const c1 = await token('C1');
    const warm = await gql(PAGE, c1);
    assert.equal(warm.body.errors, undefined, JSON.stringify(warm.body.errors));
    locker.exec('BEGIN EXCLUSIVE');
    let uncachedDone = false;
    const uncached = gql('{ me { code } }', await token('C2')).finally(() => (uncachedDone = true));
    // Give the uncached request time to reach the ERP (a worker now waits on the lock).
    await new Promise((r) => setTimeout(r, 50));
    const health = await request(`${url}/healthz`);
    await health.body.text();
    assert.equal(health.statusCode, 200);
    assert.equal(uncachedDone, false, '/healthz was answered while the ERP call was still waiting');
    const cached = await gql(PAGE, c1);
    assert.deepEqual(cached.body, warm.body, 'a page whose facts are held is answered as before');
    const res = await uncached;
    assert.deepEqual(res.body.errors.map((e: any) => e.extensions.code), ['ERP_TIMEOUT'], 'the ERP deadline fired');
  });

  test('/readyz is 503 and says the ERP did not answer while the lock is held', async () => {
    const res = await request(`${url}/readyz`);
    const body = (await res.body.json()) as any;
    assert.equal(res.statusCode, 503);
    assert.equal(body.erp.read, 'timeout');
  });

  test('when the lock goes, the same requests succeed and /readyz is 200 again', async () => {
    locker.exec('ROLLBACK');
    const res = await gql('{ me { code } }', await token('C2'));
    assert.deepEqual(res.body, { data: { me: { code: 'C2' } } });
    const ready = await request(`${url}/readyz`);
    await ready.body.text();
    assert.equal(ready.statusCode, 200);
  });
});
