/**
 * The demo ERP file (src/demo/openDemoErp.ts) is reused while it was written
 * by the running generator, and written again when it was not: a demo from
 * before the two-year movement history would show an empty statistics page.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEMO_GENERATOR_VERSION, ensureDemoErpFile, readDemoGeneratorVersion } from '../../src/demo/openDemoErp';

const OPTIONS = { seed: 7, articles: 60, customers: 12, today: '2026-06-30' };

describe('demo ERP file', () => {
  test('a file of this generator version is reused; one of an older version is generated again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-demo-version-'));
    try {
      const path = join(dir, 'demo.sqlite');
      assert.equal(ensureDemoErpFile(path, OPTIONS).generatedNow, true);
      assert.equal(ensureDemoErpFile(path, OPTIONS).generatedNow, false);
      const db = new Database(path);
      db.prepare(`DELETE FROM ponte_demo_meta WHERE meta_key = 'generator'`).run();
      assert.equal(readDemoGeneratorVersion(db), 1);
      db.close();
      assert.equal(ensureDemoErpFile(path, OPTIONS).generatedNow, true);
      const again = new Database(path, { readonly: true });
      assert.equal(readDemoGeneratorVersion(again), DEMO_GENERATOR_VERSION);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
