/**
 * The naive server's database, built from the demo ERP file: one product
 * row, one price row (the default price list's row for the sku: quantity 0,
 * valid today) and one stock row (Σ on_hand − committed over every
 * warehouse) per sku. Built in a couple of seconds even at 100k articles.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';

export function buildNaiveDb(erpPath: string, outPath: string, today: string): { products: number; millis: number } {
  const started = Date.now();
  rmSync(outPath, { force: true });
  const db = new Database(outPath);
  try {
    db.pragma('journal_mode = OFF');
    db.exec(`ATTACH DATABASE '${erpPath.replace(/'/g, "''")}' AS erp`);
    const defaultList =
      (db.prepare(`SELECT setting_value AS v FROM erp.ecom_settings WHERE setting_key = 'default_price_list'`).get() as { v: string } | undefined)?.v ?? '';
    db.exec(`
      CREATE TABLE naive_products (sku TEXT PRIMARY KEY, description TEXT NOT NULL, vat_rate REAL NOT NULL);
      CREATE TABLE naive_prices (sku TEXT PRIMARY KEY, price REAL NOT NULL);
      CREATE TABLE naive_stock (sku TEXT PRIMARY KEY, available REAL NOT NULL);
      INSERT INTO naive_products SELECT sku, description, CAST(vat_rate AS REAL) FROM erp.ecom_articles WHERE active = 1 AND web_enabled = 1;
      INSERT INTO naive_stock SELECT sku, SUM(CAST(on_hand AS REAL) - CAST(committed AS REAL)) FROM erp.ecom_stock GROUP BY sku;
    `);
    db.prepare(
      `INSERT OR IGNORE INTO naive_prices
         SELECT sku, CAST(price AS REAL) FROM erp.ecom_price_list_items
          WHERE price_list_code = ? AND CAST(min_qty AS REAL) = 0
            AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)
          ORDER BY sku, valid_from DESC`,
    ).run(defaultList, today, today);
    const products = (db.prepare('SELECT COUNT(*) AS n FROM naive_products').get() as { n: number }).n;
    db.exec('DETACH DATABASE erp');
    return { products, millis: Date.now() - started };
  } finally {
    db.close();
  }
}
