/** Settings, lists, warehouses, agents, customers and articles, written as drawn. */
import { AGENTS, CURRENCY, ERP_SETTINGS, PRICE_LISTS, WAREHOUSES } from './data/company';
import { FAMILIES } from './data/catalogue';
import type { Context } from './context';
import { qty } from './fixedPoint';

export function insertReferenceData(ctx: Context): void {
  const setting = ctx.db.prepare('INSERT INTO ecom_settings (setting_key, setting_value) VALUES (?, ?)');
  for (const [key, value] of ERP_SETTINGS) setting.run(key, value);

  const list = ctx.db.prepare('INSERT INTO ecom_price_lists (price_list_code, description, currency) VALUES (?, ?, ?)');
  for (const [code, description] of PRICE_LISTS) list.run(code, description, CURRENCY);

  const warehouse = ctx.db.prepare('INSERT INTO ecom_warehouses (warehouse_code, name, web_enabled) VALUES (?, ?, ?)');
  for (const [code, name, web] of WAREHOUSES) warehouse.run(code, name, web);

  const agent = ctx.db.prepare('INSERT INTO ecom_agents (agent_code, name, email) VALUES (?, ?, ?)');
  for (const [code, name, email] of AGENTS) agent.run(code, name, email);
}

export function insertCustomers(ctx: Context): void {
  const customer = ctx.db.prepare(
    `INSERT INTO ecom_customers (customer_code, company_name, vat_number, tax_code, sdi_code, pec, email, phone,
       street, postcode, city, province, country, price_list_code, customer_group, agent_code, payment_terms, blocked)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const destination = ctx.db.prepare(
    `INSERT INTO ecom_destinations (destination_id, customer_code, name, street, postcode, city, province, country, is_default)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of ctx.customers) {
    customer.run(
      c.code, c.companyName, c.vatNumber, c.taxCode, c.sdiCode, c.pec, c.email, c.phone,
      c.street, c.postcode, c.city, c.province, c.country, c.priceListCode, c.group, c.agentCode,
      c.paymentTerms?.text ?? null, c.blocked ? 1 : 0,
    );
    for (const d of c.destinations) {
      destination.run(d.id, c.code, d.name, d.street, d.postcode, d.city, d.province, d.country, d.isDefault ? 1 : 0);
    }
  }
}

/** Family names: fixed data, no draw, so every other table stays as the seed made it. */
export function insertFamilies(ctx: Context): void {
  const family = ctx.db.prepare('INSERT INTO ecom_families (family_code, description) VALUES (?, ?)');
  for (const f of FAMILIES) if (f.code !== null) family.run(f.code, f.name);
}

export function insertArticles(ctx: Context): void {
  const article = ctx.db.prepare(
    `INSERT INTO ecom_articles (sku, description, unit, family_code, vat_rate, pack_qty, min_order_qty, restricted, active, web_enabled)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const a of ctx.articles) {
    article.run(
      a.sku, a.description, a.unit, a.familyCode, a.vatRate, qty(a.packUnits), qty(a.minOrderUnits),
      a.restricted ? 1 : 0, a.active ? 1 : 0, a.webEnabled ? 1 : 0,
    );
  }
}
