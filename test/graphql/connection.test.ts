/**
 * connection(): the one way a page of rows becomes a Relay connection.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connection, pageConnection, settled } from '../../src/graphql/connection';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i + 1}` }));
const cursorOf = (r: { key: string }) => `c:${r.key}`;
const toNode = (r: { key: string }) => r.key.toUpperCase();

describe('connection', () => {
  const cases: Array<{ name: string; read: number; size: number; nodes: string[]; hasNextPage: boolean; endCursor: string | null }> = [
    { name: 'the extra row read says a next page exists, and is not shown', read: 4, size: 3, nodes: ['K1', 'K2', 'K3'], hasNextPage: true, endCursor: 'c:k3' },
    { name: 'exactly a page: no next page', read: 3, size: 3, nodes: ['K1', 'K2', 'K3'], hasNextPage: false, endCursor: 'c:k3' },
    { name: 'less than a page', read: 2, size: 3, nodes: ['K1', 'K2'], hasNextPage: false, endCursor: 'c:k2' },
    { name: 'nothing at all: endCursor null', read: 0, size: 3, nodes: [], hasNextPage: false, endCursor: null },
    { name: 'first: 0 still tells whether anything follows', read: 1, size: 0, nodes: [], hasNextPage: true, endCursor: null },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const page = connection(rows(c.read), c.size, cursorOf, toNode);
      assert.deepEqual(
        page.edges.map((e) => e.node),
        c.nodes,
      );
      assert.deepEqual(
        page.edges.map((e) => e.cursor),
        c.nodes.map((n) => `c:${n.toLowerCase()}`),
      );
      assert.deepEqual(page.pageInfo, { hasNextPage: c.hasNextPage, endCursor: c.endCursor });
    });
  }

  test('pageConnection takes hasNextPage from a source that already knows it', () => {
    assert.deepEqual(pageConnection(rows(2), true, cursorOf, toNode), {
      edges: [
        { cursor: 'c:k1', node: 'K1' },
        { cursor: 'c:k2', node: 'K2' },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c:k2' },
    });
  });

  test('settled resolves every node, in order, and keeps the page information', async () => {
    const delays = [30, 0, 10];
    const page = connection(rows(4), 3, cursorOf, async (r) => {
      await new Promise((resolve) => setTimeout(resolve, delays[Number(r.key.slice(1)) - 1]));
      return toNode(r);
    });
    assert.deepEqual(await settled(page), connection(rows(4), 3, cursorOf, toNode));
  });

  test('settled starts every node before waiting for any (their loads batch)', async () => {
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const page = connection(rows(3), 3, cursorOf, async (r) => {
      started.push(r.key);
      await gate;
      return r.key;
    });
    const done = settled(page);
    assert.deepEqual(started, ['k1', 'k2', 'k3']);
    release();
    assert.equal((await done).edges.length, 3);
  });
});
