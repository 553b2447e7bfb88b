/**
 * Issue 12, error codes: Apollo Server's own refusals keep Apollo's codes
 * and statuses (Apollo Client's links and Apollo's tooling act on them),
 * each from the registry in src/errors.ts; BAD_USER_INPUT is left for
 * values: a variable that does not coerce, an argument a resolver refuses.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { article, createFixtureDb, insertRows } from '../helpers/fixtureErp';
import { errorCodes, rawRequest, type RawResponse } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/testServer';

let server: TestServer;

before(async () => {
  const db = createFixtureDb();
  insertRows(db, 'ecom_articles', [article('A1')]);
  server = await startTestServer(db);
});
after(() => server.close());

function post(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** The status and the codes of a raw answer. */
function outcome(res: RawResponse): { status: number; codes: Array<string | undefined> } {
  return { status: res.status, codes: errorCodes(JSON.parse(res.text)) };
}

describe("Apollo's error codes, over HTTP", () => {
  test('a document that does not parse is GRAPHQL_PARSE_FAILED, 400', async () => {
    assert.deepEqual(outcome(await post({ query: '{ product(sku: "A1") { sku }' })), { status: 400, codes: ['GRAPHQL_PARSE_FAILED'] });
  });

  test('a field the schema does not have is GRAPHQL_VALIDATION_FAILED, 400', async () => {
    assert.deepEqual(outcome(await post({ query: '{ product(sku: "A1") { secretCost } }' })), { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
  });

  test('a POST without a query is BAD_REQUEST, 400', async () => {
    assert.deepEqual(outcome(await post({ variables: {} })), { status: 400, codes: ['BAD_REQUEST'] });
  });

  test('a body that is not JSON is BAD_REQUEST, 400', async () => {
    assert.deepEqual(outcome(await post('{"query": "{ __typename }",')), { status: 400, codes: ['BAD_REQUEST'] });
  });

  test('a mutation sent by GET is BAD_REQUEST, 405', async () => {
    const query = encodeURIComponent('mutation { placeOrder(input: { idempotencyKey: "k", lines: [] }) { errors { code } } }');
    const res = await rawRequest(`${server.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    assert.deepEqual(outcome(res), { status: 405, codes: ['BAD_REQUEST'] });
  });

  test('two operations and no operationName is OPERATION_RESOLUTION_FAILURE, 400', async () => {
    const res = await post({ query: 'query A { __typename } query B { __typename }' });
    assert.deepEqual(outcome(res), { status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] });
  });

  test('an operationName the document does not have is OPERATION_RESOLUTION_FAILURE, 400', async () => {
    const res = await post({ query: 'query A { __typename }', operationName: 'B' });
    assert.deepEqual(outcome(res), { status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] });
  });

  test('a persisted-query hash the server has not seen is PERSISTED_QUERY_NOT_FOUND, 200, so the client sends the query', async () => {
    const res = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    assert.deepEqual(outcome(res), { status: 200, codes: ['PERSISTED_QUERY_NOT_FOUND'] });
    assert.equal(JSON.parse(res.text).errors[0].message, 'PersistedQueryNotFound');
  });

  test('a persisted-query version other than 1 is PERSISTED_QUERY_NOT_SUPPORTED, with the status Apollo gives it', async () => {
    const res = await post({ extensions: { persistedQuery: { version: 2, sha256Hash: 'ab'.repeat(32) } } });
    assert.deepEqual(outcome(res), { status: 400, codes: ['PERSISTED_QUERY_NOT_SUPPORTED'] });
  });

  test('a variable that does not coerce is BAD_USER_INPUT, 400, as Apollo answers it', async () => {
    const res = await post({ query: 'query C($f: Int) { catalog(first: $f) { edges { cursor } } }', variables: { f: 'many' } });
    assert.deepEqual(outcome(res), { status: 400, codes: ['BAD_USER_INPUT'] });
  });

  test("an argument a resolver refuses is BAD_USER_INPUT at that field's path, 200", async () => {
    const res = await post({ query: '{ catalog(first: -1) { edges { cursor } } }' });
    assert.deepEqual(outcome(res), { status: 200, codes: ['BAD_USER_INPUT'] });
    assert.deepEqual(JSON.parse(res.text).errors[0].path, ['catalog']);
  });

  test("more aliases than MAX_ALIASES keep Ponte's QUERY_TOO_COMPLEX (a limit, not a schema mismatch), 400", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: product(sku: "A1") { sku }`).join(' ');
    assert.deepEqual(outcome(await post({ query: `{ ${aliases} }` })), { status: 400, codes: ['QUERY_TOO_COMPLEX'] });
  });
});
