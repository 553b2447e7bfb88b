/**
 * The demo's FatturaPA files are what the SDI would accept: every one of a
 * demo ERP validates against the official 1.2.2 schema (kept offline in
 * ./fatturapa, see its README), and its amounts add up as the technical
 * rules ask and as the ERP's own rows state.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { validateXML } from 'xmllint-wasm';
import { Decimal, formatFixed } from '../../src/decimal/decimal';
import { projectRoot } from '../../src/projectRoot';
import { demoErpInMemory } from './demoDigest';

const SCHEMA_DIR = join(projectRoot(), 'test', 'demo', 'fatturapa');
const SCHEMA = 'Schema_del_file_xml_FatturaPA_v1.2.2.xsd';

function schemaFiles() {
  const read = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') });
  // The schema imports xmldsig by a relative name: both are in xmllint's in-memory file system, nothing is fetched.
  return { schema: read(SCHEMA), preload: [read('xmldsig-core-schema.xsd')] };
}

interface XmlFile {
  documentId: string;
  fileName: string;
  xml: string;
}

/** Every <name>…</name> text inside `xml`, in order. */
const all = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
const one = (xml: string, name: string): string => {
  const found = all(xml, name);
  assert.equal(found.length, 1, `one <${name}>`);
  return found[0];
};
const blocks = (xml: string, name: string): string[] => [...xml.matchAll(new RegExp(`<${name}>(.*?)</${name}>`, 'gs'))].map((m) => m[1]);

describe('FatturaPA files of a demo ERP', () => {
  let db: Database.Database;
  let files: XmlFile[];

  before(() => {
    db = demoErpInMemory({ seed: 11, articles: 800, customers: 160, today: '2026-11-26' });
    files = (
      db.prepare(`SELECT document_id AS documentId, file_name AS fileName, content FROM ecom_document_files WHERE kind = 'FATTURAPA_XML' ORDER BY file_id`).all() as Array<{
        documentId: string;
        fileName: string;
        content: Buffer;
      }>
    ).map((f) => ({ documentId: f.documentId, fileName: f.fileName, xml: f.content.toString('utf8') }));
  });
  after(() => db.close());

  test('there are enough of them to mean something', () => {
    assert.ok(files.length >= 20, `${files.length} FatturaPA files`);
  });

  test('the schema copy accepts the reference sample, so a failure below is the generator', async () => {
    const sample = readFileSync(join(SCHEMA_DIR, 'sample-valid-FPR12.xml'), 'utf8');
    const result = await validateXML({ xml: { fileName: 'sample.xml', contents: sample }, ...schemaFiles() });
    assert.deepEqual(result.errors, []);
    assert.equal(result.valid, true);
  });

  test('the schema rejects an invoice without the seller\'s tax regime, so a pass below means something', async () => {
    const broken = files[0].xml.replace(/<RegimeFiscale>[^<]*<\/RegimeFiscale>/, '');
    const result = await validateXML({ xml: { fileName: 'broken.xml', contents: broken }, ...schemaFiles() });
    assert.equal(result.valid, false);
    assert.match(result.errors[0]?.message ?? '', /RegimeFiscale|Sede/);
  });

  test('every one validates against the FatturaPA 1.2.2 schema', async () => {
    const result = await validateXML({
      xml: files.map((f) => ({ fileName: f.fileName, contents: f.xml })),
      ...schemaFiles(),
      // A few hundred invoices at once need more than the default 32 MiB.
      maxMemoryPages: 4096,
    });
    assert.deepEqual(result.errors.slice(0, 5).map((e) => e.rawMessage), []);
    assert.equal(result.valid, true);
  });

  test('each is named as the SDI names files: IT, the sender VAT number, the progressive', () => {
    for (const f of files) {
      assert.match(f.fileName, /^IT\d{11}_[0-9A-Z]{5}\.xml$/);
      const sender = one(blocks(f.xml, 'IdTrasmittente')[0], 'IdCodice');
      assert.equal(f.fileName, `IT${sender}_${one(f.xml, 'ProgressivoInvio')}.xml`);
    }
  });

  test('each line total is quantity × unit price less its discounts, half-up to the cent', () => {
    for (const f of files) {
      for (const line of blocks(f.xml, 'DettaglioLinee')) {
        let expected = new Decimal(one(line, 'Quantita')).times(one(line, 'PrezzoUnitario'));
        for (const discount of all(line, 'Percentuale')) expected = expected.times(new Decimal(100).minus(discount).dividedBy(100));
        assert.equal(one(line, 'PrezzoTotale'), formatFixed(expected, 2), `${f.fileName} line ${one(line, 'NumeroLinea')}`);
      }
    }
  });

  test('each VAT summary row is the sum of its rate\'s line totals, and its tax is taxable × rate half-up', () => {
    for (const f of files) {
      const byRate = new Map<string, Decimal>();
      for (const line of blocks(f.xml, 'DettaglioLinee')) {
        const rate = one(line, 'AliquotaIVA');
        byRate.set(rate, (byRate.get(rate) ?? new Decimal(0)).plus(one(line, 'PrezzoTotale')));
      }
      const summary = blocks(f.xml, 'DatiRiepilogo');
      assert.equal(summary.length, byRate.size, f.fileName);
      for (const row of summary) {
        const taxable = new Decimal(one(row, 'ImponibileImporto'));
        assert.ok(taxable.eq(byRate.get(one(row, 'AliquotaIVA')) ?? -1), `${f.fileName} taxable at ${one(row, 'AliquotaIVA')}`);
        assert.equal(one(row, 'Imposta'), formatFixed(taxable.times(one(row, 'AliquotaIVA')).dividedBy(100), 2), f.fileName);
      }
    }
  });

  test('the document total and the payment are taxable plus tax, as the ERP row states', () => {
    const gross = db.prepare('SELECT total_gross AS g FROM ecom_documents WHERE document_id = ?');
    for (const f of files) {
      const total = blocks(f.xml, 'DatiRiepilogo').reduce(
        (sum, row) => sum.plus(one(row, 'ImponibileImporto')).plus(one(row, 'Imposta')),
        new Decimal(0),
      );
      assert.equal(one(f.xml, 'ImportoTotaleDocumento'), formatFixed(total, 2), f.fileName);
      assert.equal(one(f.xml, 'ImportoPagamento'), formatFixed(total, 2), f.fileName);
      assert.equal((gross.get(f.documentId) as { g: string }).g, formatFixed(total, 2), f.fileName);
    }
  });

  test('the seller is identified, in the ordinary regime, with an address', () => {
    for (const f of files) {
      const seller = blocks(f.xml, 'CedentePrestatore')[0];
      assert.equal(one(seller, 'RegimeFiscale'), 'RF01');
      assert.match(one(seller, 'CAP'), /^\d{5}$/);
      assert.equal(one(f.xml, 'FormatoTrasmissione'), 'FPR12');
    }
  });
});
