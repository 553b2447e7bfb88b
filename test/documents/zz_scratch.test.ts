import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { createFixtureDb, customer, insertRows } from '../helpers/fixtureErp';
import { startTestServer } from '../helpers/testServer';

test('scratch', async () => {
  const db = createFixtureDb();
  insertRows(db, 'ecom_customers', [customer('C1')]);
  insertRows(db, 'ecom_documents', [{ document_id: 'D/1', customer_code: 'C1', doc_type: 'INVOICE', number: 'n', doc_date: '2026-01-01', currency: 'EUR' }]);
  const ids = ['FT/2026/0001.pdf', 'a b', 'città', 'x%y', 'q?x', 'h#x', 'p+q', '..', 'a;b'];
  insertRows(db, 'ecom_document_files', ids.map((id, i) => ({ file_id: id, document_id: 'D/1', kind: 'PDF', file_name: `f${i}.pdf`, content_type: 'application/pdf', content: Buffer.from(`c${i}`) })));
  const s = await startTestServer(db);
  const tok = await s.token({ role: 'customer', customer: 'C1' });
  const r = await s.gql(`{ document(id: "D/1") { files { id size url } } documents(first: 0) { edges { cursor } pageInfo { hasNextPage endCursor } } }`, { token: tok });
  console.log(JSON.stringify(r.body.data.documents));
  for (const f of r.body.data.document.files) {
    const res = await request(s.url + f.url);
    const b = Buffer.from(await res.body.arrayBuffer()).toString();
    console.log(f.id, f.url, res.statusCode, b);
  }
  await s.close();
});
