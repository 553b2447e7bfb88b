/**
 * The example content subgraph composes with Ponte (Federation 2, the way a
 * gateway composes them at start), and a content subgraph that takes a field
 * Ponte owns does not: composition names the field. The second test is the
 * rule content subgraphs must follow, written down where it is checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createContentCatalog } from '../../examples/content-subgraph/catalog';
import { buildContentSchema } from '../../examples/content-subgraph/schema';
import { projectRoot } from '../../src/projectRoot';

/** Ponte's subgraph SDL as checked in (test/graphql/schemaUpToDate.test.ts keeps it equal to the code's). */
const ponteSdl = () => parse(readFileSync(join(projectRoot(), 'schema', 'schema.graphql'), 'utf8'));
const contentSdl = () => parse(printSubgraphSchema(buildContentSchema(createContentCatalog([]))));

function compose(content: ReturnType<typeof parse>) {
  return composeServices([
    { name: 'ponte', typeDefs: ponteSdl(), url: 'http://ponte.invalid/graphql' },
    { name: 'content', typeDefs: content, url: 'http://content.invalid/graphql' },
  ]);
}

test('Ponte and the example content subgraph compose: Product gets both sides, sku shared as the key', () => {
  const result = compose(contentSdl());
  assert.deepEqual(result.errors?.map((e) => e.message) ?? [], []);
  const sdl = result.supergraphSdl!;
  const product = /type Product[^{]*\{([^}]*)\}/.exec(sdl)?.[1] ?? '';
  for (const field of ['sku', 'erpDescription', 'price', 'availability', 'title', 'description', 'slug', 'images', 'seoTitle', 'seoDescription']) {
    assert.match(product, new RegExp(`\\b${field}\\b`), `Product.${field} in the supergraph`);
  }
  assert.match(sdl, /productBySlug\(slug: String!\): Product/);
  assert.match(sdl, /featuredProducts\(first: Int = 8\): \[Product\]!/);
});

test('a content subgraph that defines a field Ponte owns does not compose, and the error names the field', () => {
  const result = compose(
    parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Product @key(fields: "sku") { sku: ID! title: String vatRate: String }
      type Query { productBySlug(slug: String!): Product }
    `),
  );
  const messages = (result.errors ?? []).map((e) => e.message).join('\n');
  assert.match(messages, /Product\.vatRate/);
  assert.ok((result.errors ?? []).some((e) => e.extensions['code'] === 'INVALID_FIELD_SHARING'), messages);
});

test('a content subgraph whose key has another type than Ponte’s (String! for ID!) does not compose', () => {
  const result = compose(
    parse(`
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
      type Product @key(fields: "sku") { sku: String! title: String }
      type Query { productBySlug(slug: String!): Product }
    `),
  );
  const errors = result.errors ?? [];
  assert.ok(errors.some((e) => e.extensions['code'] === 'FIELD_TYPE_MISMATCH' && /Product\.sku/.test(e.message)), errors.map((e) => e.message).join('\n'));
});
