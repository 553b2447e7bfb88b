/**
 * Italian and English messages: the same failing request (a bad argument,
 * an order problem in a quote, a refused token, an address no route
 * serves) and the same price explanation, in the caller's language by
 * Accept-Language, else in `ecom_settings.language`, else Italian. Codes
 * never change with the language, and a cached answer in one language never
 * reaches a caller of the other.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { article, condition, createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { rawRequest } from '../helpers/rawHttp';
import { startTestServer, type TestServer } from '../helpers/testServer';

const ENGLISH = { 'accept-language': 'en-US,en;q=0.9' };
const ITALIAN = { 'accept-language': 'it-IT' };

const BAD_ARGUMENT = '{ catalog(first: -1) { edges { node { sku } } } }';
const QUOTE = '{ quote(lines: [{ sku: "NOPE", quantity: "1" }]) { problems { code message lineIndex } } }';
const EXPLANATION = '{ product(sku: "A1") { price(quantity: 2) { explanation { kind description } } } }';

const SENTENCES = {
  badArgument: { it: 'first: deve essere un numero intero non negativo.', en: 'first: must be a non-negative whole number.' },
  unknownProduct: { it: 'Prodotto NOPE sconosciuto.', en: 'Unknown product NOPE.' },
  listPrice: { it: 'Prezzo di listino 10.0000 dal listino BASE, per qualsiasi quantità.', en: 'List price 10.0000 from price list BASE, for any quantity.' },
  discount: {
    it: 'Sconto 12.5% da condizione 1 (DISCOUNT, tutti i clienti, articolo A1): 8.75.',
    en: 'Discount 12.5% from condition 1 (DISCOUNT, every customer, article A1): 8.75.',
  },
  badToken: {
    it: 'Autenticazione richiesta: il token manca, non è valido, è scaduto o non è riconosciuto.',
    en: 'Authentication required: the token is missing, malformed, expired or not trusted.',
  },
};

function erp(settings: Record<string, string> = {}): Database.Database {
  const db = createFixtureDb({ settings });
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_articles', [article('A1')]);
  insertRows(db, 'ecom_price_list_items', [{ price_list_code: 'BASE', sku: 'A1', min_qty: '0', price: '10.0000', valid_from: null, valid_to: null }]);
  insertRows(db, 'ecom_conditions', [condition(1, { sku: 'A1', kind: 'DISCOUNT', discount_1: '12.5' })]);
  return db;
}

type Headers = Record<string, string>;

describe('an installation with the default language (Italian)', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer(erp());
    token = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(() => server.close());

  const badArgument = async (headers: Headers = {}) => {
    const res = await server.gql(BAD_ARGUMENT, { headers });
    return { code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message };
  };
  const problems = async (headers: Headers = {}) => (await server.gql(QUOTE, { token, headers })).body.data.quote.problems;
  const explanation = async (headers: Headers = {}) =>
    (await server.gql(EXPLANATION, { token, headers })).body.data.product.price.explanation.map((s: { description: string }) => s.description);

  test('a bad argument without Accept-Language is in Italian, with English in English, it-IT in Italian; the code is the same', async () => {
    assert.deepEqual(await badArgument(), { code: 'BAD_USER_INPUT', message: SENTENCES.badArgument.it });
    assert.deepEqual(await badArgument(ENGLISH), { code: 'BAD_USER_INPUT', message: SENTENCES.badArgument.en });
    assert.deepEqual(await badArgument(ITALIAN), { code: 'BAD_USER_INPUT', message: SENTENCES.badArgument.it });
  });

  test("a quote's order problem is in the caller's language, with the same code and line", async () => {
    assert.deepEqual(await problems(), [{ code: 'UNKNOWN_PRODUCT', message: SENTENCES.unknownProduct.it, lineIndex: 0 }]);
    assert.deepEqual(await problems(ENGLISH), [{ code: 'UNKNOWN_PRODUCT', message: SENTENCES.unknownProduct.en, lineIndex: 0 }]);
    assert.deepEqual(await problems(ITALIAN), [{ code: 'UNKNOWN_PRODUCT', message: SENTENCES.unknownProduct.it, lineIndex: 0 }]);
  });

  test("a price explanation is in the caller's language, step by step", async () => {
    const italian = await explanation();
    assert.equal(italian[0], SENTENCES.listPrice.it);
    assert.equal(italian[1], SENTENCES.discount.it);
    const english = await explanation(ENGLISH);
    assert.equal(english[0], SENTENCES.listPrice.en);
    assert.equal(english[1], SENTENCES.discount.en);
    assert.deepEqual(await explanation(ITALIAN), italian);
  });

  test('a refused token (401, before any resolver runs) is in the language of Accept-Language', async () => {
    for (const [headers, expected] of [
      [{}, SENTENCES.badToken.it],
      [ENGLISH, SENTENCES.badToken.en],
    ] as const) {
      const res = await server.gql(BAD_ARGUMENT, { token: 'not.a.token', headers });
      assert.equal(res.status, 401);
      assert.equal(res.body.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
      assert.equal(res.body.errors?.[0]?.message, expected);
    }
  });

  test('an address no route serves answers in the language of Accept-Language', async () => {
    const italian = JSON.parse((await rawRequest(`${server.url}/nope`)).text);
    const english = JSON.parse((await rawRequest(`${server.url}/nope`, { headers: { 'accept-language': 'en' } })).text);
    assert.equal(italian.errors[0].extensions.code, 'NOT_FOUND');
    assert.equal(english.errors[0].extensions.code, 'NOT_FOUND');
    assert.match(italian.errors[0].message, /^Non c'è nulla a questo indirizzo/);
    assert.match(english.errors[0].message, /^There is nothing at this address/);
  });

  test('placeOrder refuses in the language of Accept-Language', async () => {
    const mutation = 'mutation { placeOrder(input: { idempotencyKey: "k-lang", lines: [] }) { order { id } errors { code message } } }';
    const italian = await server.gql(mutation, { token });
    const english = await server.gql(mutation, { token, headers: ENGLISH });
    assert.deepEqual(italian.body.data.placeOrder.errors, [{ code: 'EMPTY_ORDER', message: "L'ordine non ha righe." }]);
    assert.deepEqual(english.body.data.placeOrder.errors, [{ code: 'EMPTY_ORDER', message: 'The order has no lines.' }]);
  });
});

describe('an installation whose ecom_settings.language is en', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer(erp({ language: 'en' }));
    token = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(() => server.close());

  test('before any request has read the settings, an error without Accept-Language is in the contract default, Italian', async () => {
    const res = await server.gql(BAD_ARGUMENT);
    assert.equal(res.body.errors?.[0]?.message, SENTENCES.badArgument.it);
    assert.equal(res.erpCalls, 0, 'deciding the language of an error never asks the ERP');
  });

  test('a quote problem and a price explanation without Accept-Language are in English', async () => {
    const quote = await server.gql(QUOTE, { token });
    assert.deepEqual(quote.body.data.quote.problems, [{ code: 'UNKNOWN_PRODUCT', message: SENTENCES.unknownProduct.en, lineIndex: 0 }]);
    const price = await server.gql(EXPLANATION, { token });
    assert.equal(price.body.data.product.price.explanation[0].description, SENTENCES.listPrice.en);
  });

  test('once the settings are known, errors without Accept-Language are in English too, before GraphQL or in it', async () => {
    await server.gql(QUOTE, { token });
    assert.equal((await server.gql(BAD_ARGUMENT)).body.errors?.[0]?.message, SENTENCES.badArgument.en);
    assert.equal((await server.gql(BAD_ARGUMENT, { token: 'not.a.token' })).body.errors?.[0]?.message, SENTENCES.badToken.en);
  });

  test('Accept-Language: it-IT still gets Italian', async () => {
    const quote = await server.gql(QUOTE, { token, headers: ITALIAN });
    assert.deepEqual(quote.body.data.quote.problems, [{ code: 'UNKNOWN_PRODUCT', message: SENTENCES.unknownProduct.it, lineIndex: 0 }]);
    assert.equal((await server.gql(BAD_ARGUMENT, { headers: ITALIAN })).body.errors?.[0]?.message, SENTENCES.badArgument.it);
  });
});

describe('the response cache keeps each language apart', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer(erp());
    token = await server.token({ role: 'customer', customer: 'C1' });
  });
  after(() => server.close());

  const ask = (headers: Headers = {}) => server.gql(EXPLANATION, { token, headers });
  const firstStep = (res: Awaited<ReturnType<typeof ask>>) => res.body.data.product.price.explanation[0].description;

  test('a cached Italian answer never reaches an English caller, and each language is served from its own entry', async () => {
    const italian = await ask();
    assert.equal(firstStep(italian), SENTENCES.listPrice.it);
    const hits = server.app.cache.responses.hits;
    const again = await ask();
    assert.equal(server.app.cache.responses.hits, hits + 1, 'the Italian answer was cached');
    assert.deepEqual(again.body, italian.body);

    const english = await ask(ENGLISH);
    assert.equal(firstStep(english), SENTENCES.listPrice.en);
    assert.equal(server.app.cache.responses.hits, hits + 1, 'the English caller was not answered from the Italian entry');

    const englishAgain = await ask({ 'accept-language': 'en' });
    assert.deepEqual(englishAgain.body, english.body);
    assert.equal(englishAgain.erpCalls, 0);
    assert.equal(server.app.cache.responses.hits, hits + 2, 'en and en-US share the English entry');

    const italianByHeader = await ask(ITALIAN);
    assert.deepEqual(italianByHeader.body, italian.body);
    assert.equal(server.app.cache.responses.hits, hits + 3, 'it-IT and no header share the Italian entry');
  });
});
