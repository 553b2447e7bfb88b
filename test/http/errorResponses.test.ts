/**
 * Errors answered outside Apollo (GET /files, fastify's own refusals of a
 * body) carry a code from the registry in src/errors.ts, in the body GraphQL
 * clients read, with the registry's status: never a hand-built string, never
 * what the client sent.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import type { ErpPort } from '../../src/erp/port';
import { ErpFailure, PonteError, errorBody, fileLinkRefused, forbidden, malformedRequest, notFound } from '../../src/errors';
import { clientErrorOf } from '../../src/http/errorReply';
import { createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { rawRequest } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/testServer';

function fixtureDb(): Database.Database {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_documents', [
    {
      document_id: 'INV-1',
      customer_code: 'C1',
      doc_type: 'INVOICE',
      number: 'FT/1',
      doc_date: '2026-03-10',
      currency: 'EUR',
    },
  ]);
  insertRows(db, 'ecom_document_files', [
    { file_id: 'F-1', document_id: 'INV-1', kind: 'PDF', file_name: 'FT 1.pdf', content_type: 'application/pdf', content: Buffer.from('%PDF-1.4') },
  ]);
  return db;
}

interface Refusal {
  status: number;
  code: string | undefined;
  message: string | undefined;
  text: string;
}

async function refusal(url: string, options: Parameters<typeof rawRequest>[1] = {}): Promise<Refusal> {
  const res = await rawRequest(url, options);
  const body = JSON.parse(res.text) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> };
  assert.equal(body.errors?.length, 1, res.text);
  return { status: res.status, code: body.errors![0]!.extensions?.code, message: body.errors![0]!.message, text: res.text };
}

describe('GET /files errors', () => {
  let server: TestServer;
  let failFiles: 'no' | 'unavailable' | 'timeout' = 'no';
  const now = new Date('2026-03-20T10:00:00Z');

  before(async () => {
    server = await startTestServer(fixtureDb(), {
      now: () => now,
      wrapAdapter: (sqlite) =>
        new Proxy(sqlite, {
          get(target, property, receiver) {
            if (property === 'documentFileContent' && failFiles !== 'no') {
              return async () => {
                if (failFiles === 'timeout') throw new ErpFailure('timeout', 'documentFileContent');
                throw new Error('SELECT content FROM ecom_document_files; Password=hunter2');
              };
            }
            const value = Reflect.get(target, property, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }) as ErpPort,
    });
  });
  after(() => server.close());

  test('a refused link is 403 FORBIDDEN, the body the registry makes', async () => {
    const res = await refusal(`${server.url}/files/F-1`);
    assert.equal(res.status, 403);
    assert.equal(res.code, 'FORBIDDEN');
    assert.equal(res.text, JSON.stringify(errorBody(fileLinkRefused(), 'it')));
  });

  test('a genuine link still streams the file', async () => {
    const res = await rawRequest(`${server.url}${server.app.services.files.link('F-1', 'C1', now)}`);
    assert.equal(res.status, 200);
    assert.equal(res.text, '%PDF-1.4');
  });

  test('the ERP failing behind a genuine link is ERP_UNAVAILABLE (503), with nothing of the failure', async () => {
    failFiles = 'unavailable';
    try {
      const res = await refusal(`${server.url}${server.app.services.files.link('F-1', 'C1', now)}`);
      assert.equal(res.status, 503);
      assert.equal(res.code, 'ERP_UNAVAILABLE');
      assert.doesNotMatch(res.text, /SELECT|hunter2|ecom_/);
    } finally {
      failFiles = 'no';
    }
  });

  test('the ERP not answering in time is ERP_TIMEOUT (504), not ERP_UNAVAILABLE', async () => {
    failFiles = 'timeout';
    try {
      const res = await refusal(`${server.url}${server.app.services.files.link('F-1', 'C1', now)}`);
      assert.equal(res.status, 504);
      assert.equal(res.code, 'ERP_TIMEOUT');
    } finally {
      failFiles = 'no';
    }
  });
});

describe("fastify's own refusals", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer(fixtureDb());
  });
  after(() => server.close());

  test('a body that is not JSON is 400 BAD_REQUEST, without the parser quoting it', async () => {
    const res = await refusal(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ me { code } }", SECRET-BODY',
    });
    assert.equal(res.status, 400);
    assert.equal(res.code, 'BAD_REQUEST');
    assert.equal(res.message, malformedRequest(400).messageIn('it'));
    assert.doesNotMatch(res.text, /SECRET|JSON at position|Unexpected token/);
  });

  test('a content type no parser takes is 415 BAD_REQUEST, without echoing the type', async () => {
    const res = await refusal(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-secret-type' },
      body: '<query/>',
    });
    assert.equal(res.status, 415);
    assert.equal(res.code, 'BAD_REQUEST');
    assert.doesNotMatch(res.text, /x-secret-type/);
  });

  test('an address no route serves is 404 NOT_FOUND, the body the registry makes', async () => {
    const res = await refusal(`${server.url}/no-such-page`);
    assert.equal(res.status, 404);
    assert.equal(res.code, 'NOT_FOUND');
    assert.equal(res.text, JSON.stringify(errorBody(notFound(), 'it')));
  });

  test('a body over the limit is 413 BAD_REQUEST', async () => {
    const res = await refusal(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { code } }', padding: 'x'.repeat(3 * 1024 * 1024) }),
    });
    assert.equal(res.status, 413);
    assert.equal(res.code, 'BAD_REQUEST');
  });
});

describe('clientErrorOf', () => {
  test('a coded error passes as it is', () => {
    const error = forbidden();
    assert.equal(clientErrorOf(error), error);
  });

  test('an ERP failure becomes its client error', () => {
    assert.equal(clientErrorOf(new ErpFailure('timeout', 'x'))?.code, 'ERP_TIMEOUT');
    assert.equal(clientErrorOf(new ErpFailure('unavailable', 'x'))?.code, 'ERP_UNAVAILABLE');
  });

  test("fastify's 4xx keeps its status under BAD_REQUEST and loses its message", () => {
    const refused = clientErrorOf(Object.assign(new Error('Unsupported Media Type: text/evil'), { statusCode: 415 }));
    assert.ok(refused instanceof PonteError);
    assert.equal(refused.code, 'BAD_REQUEST');
    assert.equal(refused.httpStatus, 415);
    assert.doesNotMatch(refused.message, /evil/);
  });

  test('anything else is internal: null, for the handler to log and mask', () => {
    assert.equal(clientErrorOf(new Error('boom')), null);
    assert.equal(clientErrorOf(Object.assign(new Error('boom'), { statusCode: 500 })), null);
    assert.equal(clientErrorOf(null), null);
  });
});
