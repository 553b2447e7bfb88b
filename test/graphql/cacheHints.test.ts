/**
 * Field cache hints (src/graphql/cacheHints.ts) read from a document against
 * Ponte's schema: product roots carry the catalog age, stock shortens it
 * wherever it is selected, and a root without a hint makes the answer
 * uncacheable.
 */
import 'reflect-metadata';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { type GraphQLSchema, parse } from 'graphql';
import { FIELD_CACHE_HINTS, documentHints, hintedMaxAge } from '../../src/graphql/cacheHints';
import { buildPonteSchema } from '../../src/graphql/buildSchema';
import { PRODUCT_ROOTS } from '../../src/graphql/responseCachePlugin';

const AGES = { catalog: 60, stock: 15 };

describe('field cache hints', () => {
  let schema: GraphQLSchema;
  before(async () => {
    schema = await buildPonteSchema();
  });
  const hints = (query: string) => {
    const found = documentHints(parse(query), schema);
    return found && [...found].sort();
  };

  test('every root the response cache keeps carries the catalog hint', () => {
    for (const root of PRODUCT_ROOTS) assert.equal(FIELD_CACHE_HINTS.get(`Query.${root}`), 'catalog', root);
  });

  test('every hinted coordinate names a field of the schema', () => {
    for (const coordinate of FIELD_CACHE_HINTS.keys()) {
      const [type, field] = coordinate.split('.') as [string, string];
      const named = schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined;
      assert.ok(named?.getFields?.()[field], coordinate);
    }
  });

  test('prices and product facts inherit the catalog hint', () => {
    assert.deepEqual(hints('{ catalog { edges { node { sku price { unitPrice explanation { kind } } priceBreaks { minQuantity } } } pageInfo { hasNextPage } } }'), ['catalog']);
  });

  test('stock adds the stock hint, in a fragment or an inline fragment too', () => {
    assert.deepEqual(hints('{ product(sku: "A") { availability { status } } }'), ['catalog', 'stock']);
    assert.deepEqual(hints('{ products(skus: ["A"]) { ...S } } fragment S on Product { availability { status } }'), ['catalog', 'stock']);
    assert.deepEqual(hints('{ product(sku: "A") { ... on Product { availability { status } } } }'), ['catalog', 'stock']);
  });

  test('a root field without a hint makes the answer uncacheable; __typename does not', () => {
    assert.equal(hints('{ me { code } catalog { edges { node { sku } } } }'), null);
    assert.equal(hints('{ orders { edges { node { id } } } }'), null);
    assert.equal(hints('mutation { placeOrder(input: { idempotencyKey: "k", lines: [] }) { errors { code } } }'), null);
    assert.deepEqual(hints('{ __typename product(sku: "A") { sku } }'), ['catalog']);
  });

  test('the age is the shortest hint, and none for an uncacheable document', () => {
    assert.equal(hintedMaxAge(parse('{ product(sku: "A") { sku } }'), schema, AGES), 60);
    assert.equal(hintedMaxAge(parse('{ product(sku: "A") { availability { status } } }'), schema, AGES), 15);
    assert.equal(hintedMaxAge(parse('{ product(sku: "A") { availability { status } } }'), schema, { catalog: 5, stock: 15 }), 5);
    assert.equal(hintedMaxAge(parse('{ me { code } }'), schema, AGES), null);
  });
});
