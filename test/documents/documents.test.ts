/**
 * graphql-api.md "Documents": documents / document(id) for the acting
 * customer only (newest first, filters, cursor pagination), who may ask,
 * lines, shipment, files, and the signed GET /files/{id} links: the exact
 * bytes for a genuine link, the same 403 for an expired, altered, replayed,
 * foreign or orphaned one.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import { request } from 'undici';
import { FileLinks } from '../../src/documents/fileLinks';
import { encodeCursor } from '../../src/graphql/cursor';
import { article, createFixtureDb, customer, insertRows, type Row } from '../helpers/fixtureErp';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { document } from '../helpers/erpRows';

const START = Date.parse('2026-06-15T10:00:00Z');
const TTL_SECONDS = 60;
const FILE_SECRET = 'file-url-secret-for-tests-0123456789abcdef';

/** Bytes no text round trip survives: NUL, CR/LF, every byte value, a PDF header. */
const PDF_BYTES = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\r\n', 'latin1'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF\n')]);
const XML_BYTES = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><p:FatturaElettronica versione="FPR12">città</p:FatturaElettronica>', 'utf8');
const C2_PDF = Buffer.from('%PDF-1.4 C2 invoice');
const MOVED_PDF = Buffer.from('%PDF-1.4 to be reassigned');

/** A document numbered N-<id> unless the test gives its number (the shared builder, erpRows.ts). */
const doc = (id: string, customerCode: string, type: string, date: string, overrides: Row = {}): Row => document(id, customerCode, type, `N-${id}`, date, overrides);

const line = (document_id: string, line_no: number, overrides: Row = {}): Row => ({
  document_id,
  line_no,
  sku: null,
  description: null,
  quantity: '1',
  unit: 'PZ',
  unit_price: '0',
  discount_1: null,
  discount_2: null,
  discount_3: null,
  line_total: '0',
  vat_rate: '22',
  ...overrides,
});

/**
 * C1 (AG1): NC-1 2026-04-02, OC-1 and DDT-1 both 2026-03-12 (id breaks the
 *   tie: OC-1 first), INV-1 2026-03-10 (PDF + XML files), MOVED 2026-02-01
 *   (a PDF; reassigned to C2 by one test), INV-2 2026-01-15.
 * C2 (AG2): INV-C2 2026-03-11 (a PDF).
 */
function documentsDb(): Database.Database {
  const db = createFixtureDb();
  insertRows(db, 'ecom_agents', [
    { agent_code: 'AG1', name: 'Agente Uno', email: null },
    { agent_code: 'AG2', name: 'Agente Due', email: null },
  ]);
  insertRows(db, 'ecom_customers', [customer('C1', { agent_code: 'AG1' }), customer('C2', { agent_code: 'AG2' })]);
  insertRows(db, 'ecom_destinations', [
    { destination_id: 'D1', customer_code: 'C1', name: 'Magazzino C1', street: 'Via Roma 1', postcode: '20100', city: 'Milano', province: 'MI', country: 'IT', is_default: 1 },
    { destination_id: 'D1B', customer_code: 'C1', name: 'Cantiere C1', street: 'Via Verdi 9', postcode: '20121', city: 'Milano', province: 'MI', country: 'IT', is_default: 0 },
  ]);
  insertRows(db, 'ecom_articles', [article('A1'), article('A2')]);
  insertRows(db, 'ecom_documents', [
    doc('INV-1', 'C1', 'INVOICE', '2026-03-10', {
      number: 'FT/2026/0001',
      total_net: '98765432.35',
      total_vat: '21728395.12',
      total_gross: '120493827.47',
      due_date: '2026-04-30',
      paid: 0,
      order_reference: 'PO-123',
    }),
    doc('INV-2', 'C1', 'INVOICE', '2026-01-15', { number: 'FT/2026/0002', total_net: '10.00', total_vat: '2.20', total_gross: '12.20', paid: 1 }),
    doc('DDT-1', 'C1', 'DELIVERY_NOTE', '2026-03-12', {
      number: 'DDT/2026/0042',
      destination_id: 'D1B',
      carrier: 'BRT',
      tracking_number: '084123456789',
      shipped_at: '2026-03-12T08:30:00Z',
      expected_delivery: '2026-03-14',
    }),
    doc('OC-1', 'C1', 'ORDER_CONFIRMATION', '2026-03-12', { number: 'OV/2026/000001', total_net: '25.62', total_vat: '5.64', total_gross: '31.26' }),
    doc('NC-1', 'C1', 'CREDIT_NOTE', '2026-04-02', { number: 'NC/2026/0001', total_net: '-10.00', total_vat: '-2.20', total_gross: '-12.20' }),
    doc('MOVED', 'C1', 'OTHER', '2026-02-01', { number: 'X-1' }),
    doc('INV-C2', 'C2', 'INVOICE', '2026-03-11', { number: 'FT/2026/0003', total_net: '5.00', total_vat: '1.10', total_gross: '6.10' }),
  ]);
  insertRows(db, 'ecom_document_lines', [
    // 3 × 8.5415 with discounts 10 + 5 (stored with trailing zeros; the third one zero).
    line('INV-1', 1, { sku: 'A1', description: 'Articolo A1', quantity: '3', unit_price: '8.5415', discount_1: '10.00', discount_2: '5', discount_3: '0.00', line_total: '25.62', vat_rate: '22' }),
    // Only discount_2 set: discounts keep their order, zeros and NULLs left out.
    line('INV-1', 2, { sku: 'A2', description: 'Articolo A2', quantity: '0.001', unit: 'KG', unit_price: '98765432109.8765', discount_1: '0', discount_2: '2.5', line_total: '98765432.11', vat_rate: '22' }),
    line('INV-1', 3, { description: 'Spese di trasporto', quantity: '1', unit_price: '0.6200', line_total: '0.62', vat_rate: '22' }),
    line('DDT-1', 1, { sku: 'A1', description: 'Articolo A1', quantity: '3', unit_price: '0', line_total: '0' }),
  ]);
  insertRows(db, 'ecom_document_files', [
    { file_id: 'F-PDF-1', document_id: 'INV-1', kind: 'PDF', file_name: 'FT 2026-0001.pdf', content_type: 'application/pdf', content: PDF_BYTES },
    { file_id: 'F-XML-1', document_id: 'INV-1', kind: 'FATTURAPA_XML', file_name: 'IT01234567890_00001.xml', content_type: 'application/xml', content: XML_BYTES },
    { file_id: 'F-C2', document_id: 'INV-C2', kind: 'PDF', file_name: 'FT-C2.pdf', content_type: 'application/pdf', content: C2_PDF },
    { file_id: 'F-MOVED', document_id: 'MOVED', kind: 'OTHER', file_name: 'Allegato è.pdf', content_type: 'application/pdf', content: MOVED_PDF },
  ]);
  return db;
}

const DOC_FIELDS = `id type number date currency totalNet totalVat totalGross dueDate paid orderReference
  lines { lineNo sku description quantity unit unitPrice discounts lineTotal vatRate }
  files { id kind fileName contentType size url }
  shipment { carrier trackingNumber shippedAt expectedDelivery destinationId destination { id } }`;
const LIST = `query List($type: DocumentType, $from: Date, $to: Date, $first: Int, $after: String) {
  documents(type: $type, from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { id type date } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ONE = `query One($id: ID!) { document(id: $id) { ${DOC_FIELDS} } }`;

/** C1's documents, newest first (doc_date desc, then id desc). */
const C1_ORDER = ['NC-1', 'OC-1', 'DDT-1', 'INV-1', 'MOVED', 'INV-2'];

let db: Database.Database;
let server: TestServer;
let t = START;
let c1: string;
let c2: string;
let ag1: string;
let service: string;

before(async () => {
  db = documentsDb();
  server = await startTestServer(db, {
    now: () => new Date(t),
    env: { FILE_URL_TTL_SECONDS: String(TTL_SECONDS), FILE_URL_SECRET: FILE_SECRET },
  });
  c1 = await server.token({ role: 'customer', customer: 'C1' });
  c2 = await server.token({ role: 'customer', customer: 'C2' });
  ag1 = await server.token({ role: 'agent', agent: 'AG1' });
  service = await server.token({ role: 'service' });
});
after(() => server.close());

type Auth = { token?: string; acting?: string };

async function list(auth: Auth, variables: Record<string, unknown> = {}) {
  const res = await server.gql(LIST, { ...auth, variables });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.documents as { edges: Array<{ cursor: string; node: { id: string; type: string; date: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const ids = (page: Awaited<ReturnType<typeof list>>) => page.edges.map((e) => e.node.id);

async function one(id: string, auth: Auth = { token: c1 }) {
  const res = await server.gql(ONE, { ...auth, variables: { id } });
  assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
  return res.body.data.document;
}

function errorCode(res: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) {
  return res.body.errors?.[0]?.extensions?.code;
}

/** A fresh link to a file of C1's INV-1 (or another document), issued now. */
async function fileUrl(docId: string, fileId: string, auth: Auth = { token: c1 }): Promise<string> {
  const d = await one(docId, auth);
  const f = d.files.find((x: { id: string }) => x.id === fileId);
  assert.ok(f, `${fileId} listed on ${docId}`);
  return f.url;
}

async function get(url: string) {
  const res = await request(url.startsWith('http') ? url : `${server.url}${url}`);
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body };
}

/** Every 403 body seen, to check they are all the same. */
const refusals: string[] = [];
async function assertRefused(url: string, why: string) {
  const res = await get(url);
  assert.equal(res.status, 403, `${why}: status`);
  refusals.push(res.body.toString('utf8'));
  return res;
}

function withQuery(url: string, change: (q: URLSearchParams) => void, path?: string): string {
  const u = new URL(url, 'http://x');
  change(u.searchParams);
  return `${path ?? u.pathname}?${u.searchParams.toString()}`;
}

describe('documents: listing', () => {
  test('lists only the acting customer’s documents, newest first (doc_date desc, then id desc)', async () => {
    assert.deepEqual(ids(await list({ token: c1 })), C1_ORDER);
    assert.deepEqual(ids(await list({ token: c2 })), ['INV-C2']);
  });

  test('type filters by document type', async () => {
    assert.deepEqual(ids(await list({ token: c1 }, { type: 'INVOICE' })), ['INV-1', 'INV-2']);
    assert.deepEqual(ids(await list({ token: c1 }, { type: 'DELIVERY_NOTE' })), ['DDT-1']);
    assert.deepEqual(ids(await list({ token: c1 }, { type: 'CREDIT_NOTE' })), ['NC-1']);
    assert.deepEqual(ids(await list({ token: c1 }, { type: 'QUOTE' })), []);
  });

  test('from and to are inclusive date bounds, alone or together with type', async () => {
    assert.deepEqual(ids(await list({ token: c1 }, { from: '2026-03-10', to: '2026-03-12' })), ['OC-1', 'DDT-1', 'INV-1']);
    assert.deepEqual(ids(await list({ token: c1 }, { from: '2026-03-12' })), ['NC-1', 'OC-1', 'DDT-1']);
    assert.deepEqual(ids(await list({ token: c1 }, { to: '2026-02-01' })), ['MOVED', 'INV-2']);
    assert.deepEqual(ids(await list({ token: c1 }, { type: 'INVOICE', from: '2026-02-01' })), ['INV-1']);
  });

  test('a malformed from/to date is BAD_USER_INPUT', async () => {
    const res = await server.gql(LIST, { token: c1, variables: { from: '2026-02-30' } });
    assert.equal(errorCode(res), 'BAD_USER_INPUT');
  });

  test('first/after pages through every document once, in order, across a same-date boundary', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      const page = await list({ token: c1 }, { first: 2, after });
      seen.push(...ids(page));
      pages.push(page.pageInfo.hasNextPage);
      assert.equal(page.pageInfo.endCursor, page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Page 1 ends on OC-1, page 2 starts with DDT-1 of the same date.
    assert.deepEqual(seen, C1_ORDER);
    assert.deepEqual(pages, [true, true, false]);
  });

  test('a cursor keeps the filters of the query it is used with', async () => {
    const first = await list({ token: c1 }, { type: 'INVOICE', first: 1 });
    assert.deepEqual(ids(first), ['INV-1']);
    assert.equal(first.pageInfo.hasNextPage, true);
    const rest = await list({ token: c1 }, { type: 'INVOICE', first: 1, after: first.pageInfo.endCursor });
    assert.deepEqual(ids(rest), ['INV-2']);
    assert.equal(rest.pageInfo.hasNextPage, false);
  });

  test('a bad cursor is BAD_USER_INPUT', async () => {
    const bad = [
      'not a cursor!',
      encodeCursor('order', '12'),
      encodeCursor('document', 'no-separator'),
      encodeCursor('document', '2026-02-30|INV-1'),
      encodeCursor('document', '26-03-10|INV-1'),
    ];
    for (const after of bad) {
      const res = await server.gql(LIST, { token: c1, variables: { after } });
      assert.equal(errorCode(res), 'BAD_USER_INPUT', `cursor ${after}: ${JSON.stringify(res.body)}`);
      // documents is nullable (issue 12): the refusal costs that field, nothing is listed.
      assert.deepEqual(res.body.data, { documents: null });
    }
  });

  test('an agent acting for a followed customer sees that customer’s documents', async () => {
    assert.deepEqual(ids(await list({ token: ag1, acting: 'C1' })), C1_ORDER);
    assert.equal((await one('INV-1', { token: ag1, acting: 'C1' }))?.id, 'INV-1');
    assert.equal(await one('INV-C2', { token: ag1, acting: 'C1' }), null);
  });

  test('a service acting for a customer sees that customer’s documents', async () => {
    assert.deepEqual(ids(await list({ token: service, acting: 'C2' })), ['INV-C2']);
  });

  test('an agent without an acting customer is ACTING_CUSTOMER_REQUIRED', async () => {
    assert.equal(errorCode(await server.gql(LIST, { token: ag1 })), 'ACTING_CUSTOMER_REQUIRED');
    assert.equal(errorCode(await server.gql(ONE, { token: ag1, variables: { id: 'INV-1' } })), 'ACTING_CUSTOMER_REQUIRED');
  });

  test('an agent acting for a customer it does not follow is FORBIDDEN', async () => {
    assert.equal(errorCode(await server.gql(LIST, { token: ag1, acting: 'C2' })), 'FORBIDDEN');
  });

  test('an anonymous caller is UNAUTHENTICATED', async () => {
    assert.equal(errorCode(await server.gql(LIST)), 'UNAUTHENTICATED');
    assert.equal(errorCode(await server.gql(ONE, { variables: { id: 'INV-1' } })), 'UNAUTHENTICATED');
  });
});

describe('document(id)', () => {
  test('another customer’s document is null, exactly like a missing one', async () => {
    assert.equal(await one('INV-C2', { token: c1 }), null);
    assert.equal(await one('NO-SUCH-DOC', { token: c1 }), null);
    assert.equal(await one('INV-1', { token: c2 }), null);
    assert.equal((await one('INV-C2', { token: c2 }))?.id, 'INV-C2');
  });

  test('header fields come back as stored, money as exact decimals', async () => {
    const d = await one('INV-1');
    assert.deepEqual(
      {
        id: d.id,
        type: d.type,
        number: d.number,
        date: d.date,
        currency: d.currency,
        totalNet: d.totalNet,
        totalVat: d.totalVat,
        totalGross: d.totalGross,
        dueDate: d.dueDate,
        paid: d.paid,
        orderReference: d.orderReference,
      },
      {
        id: 'INV-1',
        type: 'INVOICE',
        number: 'FT/2026/0001',
        date: '2026-03-10',
        currency: 'EUR',
        totalNet: '98765432.35',
        totalVat: '21728395.12',
        totalGross: '120493827.47',
        dueDate: '2026-04-30',
        paid: false,
        orderReference: 'PO-123',
      },
    );
    assert.equal((await one('INV-2')).paid, true);
    assert.equal((await one('NC-1')).totalNet, '-10.00');
    assert.equal((await one('DDT-1')).paid, null);
  });

  test('lines come back in order with non-zero discounts only and exact decimals', async () => {
    const d = await one('INV-1');
    assert.deepEqual(
      d.lines.map((l: any) => ({ ...l, discounts: l.discounts.map((x: string) => String(Number(x))) })),
      [
        { lineNo: 1, sku: 'A1', description: 'Articolo A1', quantity: '3', unit: 'PZ', unitPrice: '8.5415', discounts: ['10', '5'], lineTotal: '25.62', vatRate: '22' },
        { lineNo: 2, sku: 'A2', description: 'Articolo A2', quantity: '0.001', unit: 'KG', unitPrice: '98765432109.8765', discounts: ['2.5'], lineTotal: '98765432.11', vatRate: '22' },
        { lineNo: 3, sku: null, description: 'Spese di trasporto', quantity: '1', unit: 'PZ', unitPrice: '0.6200', discounts: [], lineTotal: '0.62', vatRate: '22' },
      ],
    );
  });

  test('a delivery note has its shipment: carrier, tracking number, dates and destination', async () => {
    const d = await one('DDT-1');
    assert.deepEqual(d.shipment, {
      carrier: 'BRT',
      trackingNumber: '084123456789',
      shippedAt: d.shipment.shippedAt,
      expectedDelivery: '2026-03-14',
      destinationId: 'D1B',
      destination: { id: 'D1B' },
    });
    assert.equal(Date.parse(d.shipment.shippedAt), Date.parse('2026-03-12T08:30:00Z'));
  });

  test('a document without delivery details has no shipment', async () => {
    assert.equal((await one('INV-1')).shipment, null);
  });

  test('files list id, kind, name, content type, size (the BLOB length) and a relative signed url', async () => {
    const d = await one('INV-1');
    assert.deepEqual(
      d.files.map((f: any) => ({ ...f, url: typeof f.url })),
      [
        { id: 'F-PDF-1', kind: 'PDF', fileName: 'FT 2026-0001.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, url: 'string' },
        { id: 'F-XML-1', kind: 'FATTURAPA_XML', fileName: 'IT01234567890_00001.xml', contentType: 'application/xml', size: XML_BYTES.length, url: 'string' },
      ],
    );
    for (const f of d.files) assert.match(f.url, new RegExp(`^/files/${f.id}\\?`));
    assert.deepEqual((await one('DDT-1')).files, []);
  });
});

describe('GET /files/{id}', () => {
  test('a genuine link streams the exact bytes with the row’s content type, as an attachment named after the file', async () => {
    const res = await get(await fileUrl('INV-1', 'F-PDF-1'));
    assert.equal(res.status, 200);
    assert.ok(res.body.equals(PDF_BYTES), 'exact bytes');
    assert.equal(res.headers['content-type'], 'application/pdf');
    const disposition = String(res.headers['content-disposition']);
    assert.match(disposition, /^attachment;/);
    assert.match(disposition, /filename="FT 2026-0001\.pdf"/);
  });

  test('a second file of the same document streams its own bytes and content type', async () => {
    const res = await get(await fileUrl('INV-1', 'F-XML-1'));
    assert.equal(res.status, 200);
    assert.ok(res.body.equals(XML_BYTES), 'exact bytes');
    assert.equal(res.headers['content-type'], 'application/xml');
    assert.match(String(res.headers['content-disposition']), /filename="IT01234567890_00001\.xml"/);
  });

  test('a non-ASCII file name gets an ASCII fallback and the UTF-8 name in filename*', async () => {
    const res = await get(await fileUrl('MOVED', 'F-MOVED'));
    assert.equal(res.status, 200);
    assert.ok(res.body.equals(MOVED_PDF));
    assert.equal(res.headers['content-disposition'], `attachment; filename="Allegato _.pdf"; filename*=UTF-8''Allegato%20%C3%A8.pdf`);
  });

  test('an agent’s link for the acting customer’s file works', async () => {
    const res = await get(await fileUrl('INV-1', 'F-PDF-1', { token: ag1, acting: 'C1' }));
    assert.equal(res.status, 200);
    assert.ok(res.body.equals(PDF_BYTES));
  });

  test('a link with an altered signature is 403', async () => {
    const url = await fileUrl('INV-1', 'F-PDF-1');
    await assertRefused(
      withQuery(url, (q) => {
        const s = q.get('s')!;
        q.set('s', (s[0] === 'A' ? 'B' : 'A') + s.slice(1));
      }),
      'altered signature',
    );
    await assertRefused(withQuery(url, (q) => q.delete('s')), 'no signature');
    await assertRefused(withQuery(url, (q) => q.set('e', String(Number(q.get('e')) + 3600))), 'extended expiry');
  });

  test('a link for one file reused with another file id is 403', async () => {
    const url = await fileUrl('INV-1', 'F-PDF-1');
    await assertRefused(withQuery(url, () => undefined, '/files/F-XML-1'), 'other file of the same document');
    await assertRefused(withQuery(url, () => undefined, '/files/F-C2'), 'another customer’s file');
  });

  test('a link issued to C1 but presented with c=C2 is 403', async () => {
    const url = await fileUrl('INV-1', 'F-PDF-1');
    await assertRefused(withQuery(url, (q) => q.set('c', 'C2')), 'c=C2 on C1’s link');
    // Also for C2's own file: C1's signature does not become C2's.
    await assertRefused(withQuery(url, (q) => q.set('c', 'C2'), '/files/F-C2'), 'c=C2 on C2’s file with C1’s signature');
  });

  test('a link is valid until its expiry and 403 after FILE_URL_TTL_SECONDS', async () => {
    const url = await fileUrl('INV-1', 'F-PDF-1');
    const issuedAt = t;
    try {
      t = issuedAt + (TTL_SECONDS - 1) * 1000;
      assert.equal((await get(url)).status, 200, 'still valid just before the ttl');
      t = issuedAt + (TTL_SECONDS + 1) * 1000;
      await assertRefused(url, 'expired');
    } finally {
      t = issuedAt;
    }
  });

  test('a link whose document was reassigned to another customer after issuing is 403', async () => {
    const url = await fileUrl('MOVED', 'F-MOVED');
    assert.equal((await get(url)).status, 200, 'works before the reassignment');
    db.prepare(`UPDATE ecom_documents SET customer_code = 'C2' WHERE document_id = 'MOVED'`).run();
    try {
      await assertRefused(url, 'document now C2’s');
    } finally {
      db.prepare(`UPDATE ecom_documents SET customer_code = 'C1' WHERE document_id = 'MOVED'`).run();
    }
  });

  test('a link to a non-existent file id is 403, whether its signature is forged or genuinely keyed', async () => {
    const e = String(Math.floor(t / 1000) + TTL_SECONDS);
    const random = Buffer.alloc(32, 7).toString('base64url');
    await assertRefused(`/files/NO-SUCH-FILE?${new URLSearchParams({ c: 'C1', e, s: random }).toString()}`, 'forged, missing file');
    // Signed with the server's key (FILE_URL_SECRET): the file still does not exist.
    const links = new FileLinks({ key: new TextEncoder().encode(FILE_SECRET), ttlSeconds: TTL_SECONDS, baseUrl: '' });
    const genuine = links.link('NO-SUCH-FILE', 'C1', new Date(t));
    await assertRefused(genuine, 'validly signed, missing file');
    // Sanity: the same key signs a link the server accepts for an existing file.
    assert.equal((await get(links.link('F-PDF-1', 'C1', new Date(t)))).status, 200);
  });

  test('every 403 has the same body', async () => {
    // Its own refusals of each kind, plus those the tests above collected.
    const url = await fileUrl('INV-1', 'F-PDF-1');
    const issuedAt = t;
    await assertRefused(withQuery(url, (q) => q.set('s', Buffer.alloc(32, 1).toString('base64url'))), 'altered');
    await assertRefused(withQuery(url, () => undefined, '/files/F-XML-1'), 'other file');
    await assertRefused(withQuery(url, (q) => q.set('c', 'C2')), 'other customer');
    await assertRefused(withQuery(url, () => undefined, '/files/NO-SUCH-FILE'), 'missing file');
    await assertRefused('/files/F-PDF-1', 'no query at all');
    try {
      t = issuedAt + (TTL_SECONDS + 1) * 1000;
      await assertRefused(url, 'expired');
    } finally {
      t = issuedAt;
    }
    assert.ok(refusals.length >= 6, `${refusals.length} refusals collected`);
    for (const body of refusals) assert.equal(body, refusals[0]);
    const parsed = JSON.parse(refusals[0]!);
    assert.equal(typeof parsed, 'object');
    assert.doesNotMatch(refusals[0]!, /C1|C2|F-|SELECT|sqlite/i);
  });
});
