/**
 * Issue 12, file links: `DocumentFile.expiresAt` states when the link in
 * `url` stops working (issued now + FILE_URL_TTL_SECONDS, 15 minutes by
 * default), the link works up to that instant and is refused after it, and
 * with PUBLIC_BASE_URL the link is absolute.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { request } from 'undici';
import { createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { document } from '../helpers/erpRows';
import { startTestServer, type TestServer } from '../helpers/testServer';

const START = Date.parse('2026-11-30T10:00:00Z');
const PDF = Buffer.from('%PDF-1.4 invoice');
const FILES = `query One($id: ID!) { document(id: $id) { files { id url expiresAt } } }`;

function filesDb(): Database.Database {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_documents', [document('INV-1', 'C1', 'INVOICE', 'FT/2026/0001', '2026-11-20')]);
  insertRows(db, 'ecom_document_files', [
    { file_id: 'F-1', document_id: 'INV-1', kind: 'PDF', file_name: 'FT 2026-0001.pdf', content_type: 'application/pdf', content: PDF },
  ]);
  return db;
}

interface Harness {
  server: TestServer;
  token: string;
  /** The clock the server reads, in epoch ms. */
  clock: { t: number };
}

async function start(env: Record<string, string>): Promise<Harness> {
  const clock = { t: START };
  const server = await startTestServer(filesDb(), { now: () => new Date(clock.t), env });
  return { server, clock, token: await server.token({ role: 'customer', customer: 'C1' }) };
}

async function file(h: Harness): Promise<{ id: string; url: string; expiresAt: string }> {
  const res = await h.server.gql(FILES, { token: h.token, variables: { id: 'INV-1' } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.document.files[0];
}

/** Fetches a link against the test server, whether it is relative or names the public base URL. */
async function status(h: Harness, url: string): Promise<number> {
  const { pathname, search } = new URL(url, 'http://relative.invalid');
  const res = await request(`${h.server.url}${pathname}${search}`);
  await res.body.arrayBuffer();
  return res.statusCode;
}

describe('with FILE_URL_TTL_SECONDS=120', () => {
  let h: Harness;
  before(async () => {
    h = await start({ FILE_URL_TTL_SECONDS: '120' });
  });
  after(() => h.server.close());

  test('expiresAt is the issuing instant plus the ttl, as an instant in the ERP zone', async () => {
    h.clock.t = START;
    // An instant in the ERP's zone (Europe/Rome, +01:00 in November), like every DateTime.
    assert.equal((await file(h)).expiresAt, '2026-11-30T11:02:00+01:00');
  });

  test('expiresAt is the expiry the signed link carries', async () => {
    h.clock.t = START + 1_234;
    const f = await file(h);
    const e = new URL(f.url, 'http://relative.invalid').searchParams.get('e');
    assert.equal(Number(e) * 1000, Date.parse(f.expiresAt));
  });

  test('the link works at expiresAt and is refused a millisecond later', async () => {
    h.clock.t = START;
    const f = await file(h);
    const expiresAt = Date.parse(f.expiresAt);
    try {
      h.clock.t = expiresAt;
      assert.equal(await status(h, f.url), 200, 'at expiresAt');
      h.clock.t = expiresAt + 1;
      assert.equal(await status(h, f.url), 403, 'after expiresAt');
    } finally {
      h.clock.t = START;
    }
  });

  test('without PUBLIC_BASE_URL the link is relative to the API', async () => {
    assert.match((await file(h)).url, /^\/files\/F-1\?/);
  });
});

describe('with the defaults and PUBLIC_BASE_URL', () => {
  let h: Harness;
  before(async () => {
    h = await start({ PUBLIC_BASE_URL: 'https://api.example.it/' });
  });
  after(() => h.server.close());

  test('a link lives 15 minutes by default', async () => {
    h.clock.t = START;
    assert.equal((await file(h)).expiresAt, '2026-11-30T11:15:00+01:00');
  });

  test('the link is absolute under PUBLIC_BASE_URL (one slash between them) and its path and query are served', async () => {
    const f = await file(h);
    assert.match(f.url, /^https:\/\/api\.example\.it\/files\/F-1\?c=C1&e=\d+&s=/);
    assert.equal(await status(h, f.url), 200);
  });
});
