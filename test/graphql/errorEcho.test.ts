/**
 * Hardening, probe row 14: no error repeats more than a short prefix of what
 * the client sent, including GraphQL's own coercion and validation messages
 * for values that are not text (Int, enums), which quote the value whole.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withShortQuotes } from '../../src/http/formatError';
import { createFixtureDb } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const HUGE = 'x'.repeat(1_000_000);
let server: TestServer;

before(async () => {
  server = await startTestServer(createFixtureDb());
});
after(async () => {
  await server.close();
});

// A variable that does not coerce is BAD_USER_INPUT, a literal of the wrong type a validation error, as Apollo names them.
function assertShortRefusal(res: { body: { errors?: Array<{ message: string; extensions?: { code?: string } }> } }, code = 'BAD_USER_INPUT') {
  assert.equal(res.body.errors?.[0]?.extensions?.code, code);
  assert.ok(JSON.stringify(res.body).length < 1000, JSON.stringify(res.body).slice(0, 300));
  assert.ok(res.body.errors![0]!.message.includes(`"${'x'.repeat(40)}…"`), res.body.errors![0]!.message.slice(0, 300));
}

describe('error messages repeat at most 40 characters of a value', () => {
  test('a megabyte string sent for an Int variable', async () => {
    assertShortRefusal(await server.gql('query C($f: Int) { catalog(first: $f) { edges { cursor } } }', { variables: { f: HUGE } }));
  });

  test('a megabyte string sent for an enum variable', async () => {
    assertShortRefusal(await server.gql('query D($t: DocumentType) { documents(type: $t) { edges { cursor } } }', { variables: { t: HUGE } }));
  });

  test('a megabyte string written for an Int argument', async () => {
    assertShortRefusal(await server.gql(`{ catalog(first: "${HUGE}") { edges { cursor } } }`), 'GRAPHQL_VALIDATION_FAILED');
  });

  test('short quoted values and the rest of the message are kept', () => {
    assert.equal(withShortQuotes('Variable "$f" got invalid value "abc"; Int cannot represent it.'), 'Variable "$f" got invalid value "abc"; Int cannot represent it.');
    assert.equal(withShortQuotes(`Value "${'y'.repeat(50)}" is bad.`), `Value "${'y'.repeat(40)}…" is bad.`);
  });
});
