/** The automatic persisted queries' store (src/graphql/persistedQueryCache.ts) stays within its bytes. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { persistedQueryCache } from '../../src/graphql/persistedQueryCache';

describe('persisted query cache', () => {
  test('registrations past the budget evict the least recently used texts', async () => {
    const store = persistedQueryCache(10_000);
    for (let i = 0; i < 200; i++) await store.set(`apq:${String(i).padStart(64, '0')}`, `{ product(sku: "${'x'.repeat(200)}${i}") { sku } }`);
    assert.ok(store.bytes <= 10_000, `${store.bytes} bytes held`);
    assert.equal(await store.get(`apq:${'0'.repeat(64)}`), undefined);
    assert.match(String(await store.get(`apq:${String(199).padStart(64, '0')}`)), /x199"/);
  });

  test('a text is served until deleted', async () => {
    const store = persistedQueryCache(10_000);
    await store.set('apq:a', '{ __typename }');
    assert.equal(await store.get('apq:a'), '{ __typename }');
    await store.delete('apq:a');
    assert.equal(await store.get('apq:a'), undefined);
  });
});
