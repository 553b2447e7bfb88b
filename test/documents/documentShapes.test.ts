/**
 * Document shapes a client needs no workaround for (issue 12): a line links
 * to its Product (null when invisible), a file's kind is an enum that never
 * fails on a kind the ERP adds, and shippedAt is an instant with an offset.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { LINKS_NOW, linksFixture } from '../orders/linksFixture';

const DOCUMENT = `query($id: ID!) {
  document(id: $id) {
    id
    lines { lineNo sku product { id sku } }
    files { id kind }
    shipment { shippedAt }
  }
}`;

let server: TestServer;
let c1: string;
let agent: string;

before(async () => {
  server = await startTestServer(linksFixture(), { now: LINKS_NOW });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  agent = await server.token({ role: 'agent', agent: 'AG1' });
});
after(async () => {
  await server.close();
});

async function document(id: string, auth: { token: string; acting?: string } = { token: c1 }) {
  const res = await server.gql(DOCUMENT, { ...auth, variables: { id } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.document;
}

describe('DocumentLine.product', () => {
  test('a visible article is its Product; an article denied to the customer, a line without one and an unknown one are null', async () => {
    assert.deepEqual((await document('DDT-1')).lines, [
      { lineNo: 1, sku: 'A-1', product: { id: 'A-1', sku: 'A-1' } },
      { lineNo: 2, sku: 'A-DENIED', product: null },
      { lineNo: 3, sku: null, product: null },
      { lineNo: 4, sku: 'A-GONE', product: null },
    ]);
  });

  test('an agent acting for the customer sees the line products as the customer does', async () => {
    const lines = (await document('DDT-1', { token: agent, acting: 'C1' })).lines;
    assert.deepEqual(lines.map((l: any) => l.product?.sku ?? null), ['A-1', null, null, null]);
  });

  test('DocumentLine.sku is an ID, like every other sku', async () => {
    const res = await server.gql('{ __type(name: "DocumentLine") { fields { name type { kind name } } } }');
    const sku = res.body.data.__type.fields.find((f: any) => f.name === 'sku');
    assert.deepEqual(sku.type, { kind: 'SCALAR', name: 'ID' });
  });
});

describe('DocumentFile.kind', () => {
  test('PDF is PDF; a kind the ERP added (P7M) is OTHER, and the list is still answered', async () => {
    assert.deepEqual((await document('FT-1')).files, [
      { id: 'F-1', kind: 'PDF' },
      { id: 'F-2', kind: 'OTHER' },
    ]);
  });
});

describe('Shipment.shippedAt', () => {
  test('the ERP wall-clock time in a gap of the spring change is moved forward and carries the summer offset', async () => {
    assert.equal((await document('DDT-1')).shipment.shippedAt, '2026-03-29T03:30:00+02:00');
  });
});
