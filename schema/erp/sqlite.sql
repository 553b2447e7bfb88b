-- Ponte ERP integration contract, version 1: SQLite layout.
--
-- The same relations as schema/erp/mssql.sql, with SQLite storage rules from
-- erp-contract.md: decimals as TEXT in plain notation (never REAL), dates as
-- TEXT YYYY-MM-DD, datetimes as TEXT ISO 8601, bits as INTEGER 0/1.
-- Ponte reads any database laid out like this; this script is what the
-- embedded demo ERP is created from.

CREATE TABLE IF NOT EXISTS ecom_settings (
  setting_key   TEXT PRIMARY KEY,
  setting_value TEXT
);

CREATE TABLE IF NOT EXISTS ecom_agents (
  agent_code TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  email      TEXT
);

CREATE TABLE IF NOT EXISTS ecom_customers (
  customer_code   TEXT PRIMARY KEY,
  company_name    TEXT NOT NULL,
  vat_number      TEXT,
  tax_code        TEXT,
  sdi_code        TEXT,
  pec             TEXT,
  email           TEXT,
  phone           TEXT,
  street          TEXT,
  postcode        TEXT,
  city            TEXT,
  province        TEXT,
  country         TEXT,
  price_list_code TEXT,
  customer_group  TEXT,
  agent_code      TEXT,
  payment_terms   TEXT,
  blocked         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ix_customers_agent ON ecom_customers (agent_code, customer_code);

CREATE TABLE IF NOT EXISTS ecom_destinations (
  destination_id TEXT PRIMARY KEY,
  customer_code  TEXT NOT NULL,
  name           TEXT,
  street         TEXT,
  postcode       TEXT,
  city           TEXT,
  province       TEXT,
  country        TEXT,
  is_default     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ix_destinations_customer ON ecom_destinations (customer_code);

CREATE TABLE IF NOT EXISTS ecom_articles (
  sku           TEXT PRIMARY KEY,
  description   TEXT NOT NULL,
  unit          TEXT NOT NULL,
  family_code   TEXT,
  vat_rate      TEXT NOT NULL,
  pack_qty      TEXT NOT NULL DEFAULT '1',
  min_order_qty TEXT NOT NULL DEFAULT '0',
  restricted    INTEGER NOT NULL DEFAULT 0,
  active        INTEGER NOT NULL DEFAULT 1,
  web_enabled   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS ix_articles_family ON ecom_articles (family_code, sku);

-- Optional in the contract: without it a family's name is its code.
CREATE TABLE IF NOT EXISTS ecom_families (
  family_code TEXT PRIMARY KEY,
  description TEXT
);

CREATE TABLE IF NOT EXISTS ecom_price_lists (
  price_list_code TEXT PRIMARY KEY,
  description     TEXT,
  currency        TEXT NOT NULL DEFAULT 'EUR'
);

CREATE TABLE IF NOT EXISTS ecom_price_list_items (
  price_list_code TEXT NOT NULL,
  sku             TEXT NOT NULL,
  min_qty         TEXT NOT NULL DEFAULT '0',
  price           TEXT NOT NULL,
  valid_from      TEXT,
  valid_to        TEXT
);
-- The contract key (price_list_code, sku, min_qty, valid_from). valid_from is
-- nullable, so the key is an index over an expression that gives NULL a value.
CREATE UNIQUE INDEX IF NOT EXISTS ux_price_list_items
  ON ecom_price_list_items (price_list_code, sku, min_qty, IFNULL(valid_from, ''));
CREATE INDEX IF NOT EXISTS ix_price_list_items_sku ON ecom_price_list_items (sku, price_list_code);

CREATE TABLE IF NOT EXISTS ecom_conditions (
  condition_id   INTEGER PRIMARY KEY,
  customer_code  TEXT,
  customer_group TEXT,
  sku            TEXT,
  family_code    TEXT,
  min_qty        TEXT NOT NULL DEFAULT '0',
  valid_from     TEXT,
  valid_to       TEXT,
  priority       INTEGER NOT NULL DEFAULT 0,
  kind           TEXT NOT NULL CHECK (kind IN ('PRICE', 'NET_PRICE', 'DISCOUNT')),
  price          TEXT,
  discount_1     TEXT,
  discount_2     TEXT,
  discount_3     TEXT,
  CHECK (customer_code IS NULL OR customer_group IS NULL),
  CHECK (sku IS NULL OR family_code IS NULL)
);
CREATE INDEX IF NOT EXISTS ix_conditions_customer ON ecom_conditions (customer_code);
CREATE INDEX IF NOT EXISTS ix_conditions_group ON ecom_conditions (customer_group);

CREATE TABLE IF NOT EXISTS ecom_visibility (
  rule_id        INTEGER PRIMARY KEY,
  mode           TEXT NOT NULL CHECK (mode IN ('ALLOW', 'DENY')),
  sku            TEXT,
  family_code    TEXT,
  customer_code  TEXT,
  customer_group TEXT,
  CHECK ((sku IS NULL) <> (family_code IS NULL)),
  CHECK ((customer_code IS NULL) <> (customer_group IS NULL))
);
CREATE INDEX IF NOT EXISTS ix_visibility_customer ON ecom_visibility (customer_code);
CREATE INDEX IF NOT EXISTS ix_visibility_group ON ecom_visibility (customer_group);

CREATE TABLE IF NOT EXISTS ecom_warehouses (
  warehouse_code TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  web_enabled    INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS ecom_stock (
  sku            TEXT NOT NULL,
  warehouse_code TEXT NOT NULL,
  on_hand        TEXT NOT NULL DEFAULT '0',
  committed      TEXT NOT NULL DEFAULT '0',
  PRIMARY KEY (sku, warehouse_code)
);

CREATE TABLE IF NOT EXISTS ecom_incoming (
  sku            TEXT NOT NULL,
  warehouse_code TEXT NOT NULL,
  expected_date  TEXT NOT NULL,
  quantity       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_incoming_sku ON ecom_incoming (sku, expected_date);

CREATE TABLE IF NOT EXISTS ecom_documents (
  document_id       TEXT PRIMARY KEY,
  customer_code     TEXT NOT NULL,
  doc_type          TEXT NOT NULL,
  number            TEXT NOT NULL,
  doc_date          TEXT NOT NULL,
  currency          TEXT NOT NULL DEFAULT 'EUR',
  total_net         TEXT,
  total_vat         TEXT,
  total_gross       TEXT,
  due_date          TEXT,
  paid              INTEGER,
  destination_id    TEXT,
  carrier           TEXT,
  tracking_number   TEXT,
  shipped_at        TEXT,
  expected_delivery TEXT,
  order_reference   TEXT
);
CREATE INDEX IF NOT EXISTS ix_documents_customer ON ecom_documents (customer_code, doc_date, document_id);

CREATE TABLE IF NOT EXISTS ecom_document_lines (
  document_id TEXT NOT NULL,
  line_no     INTEGER NOT NULL,
  sku         TEXT,
  description TEXT,
  quantity    TEXT,
  unit        TEXT,
  unit_price  TEXT,
  discount_1  TEXT,
  discount_2  TEXT,
  discount_3  TEXT,
  line_total  TEXT,
  vat_rate    TEXT,
  PRIMARY KEY (document_id, line_no)
);

CREATE TABLE IF NOT EXISTS ecom_document_files (
  file_id      TEXT PRIMARY KEY,
  document_id  TEXT NOT NULL,
  kind         TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  content_type TEXT NOT NULL,
  content      BLOB
);
CREATE INDEX IF NOT EXISTS ix_document_files_document ON ecom_document_files (document_id);

CREATE TABLE IF NOT EXISTS ecom_stock_movements (
  movement_id    INTEGER PRIMARY KEY,
  sku            TEXT NOT NULL,
  warehouse_code TEXT NOT NULL,
  moved_at       TEXT NOT NULL,
  quantity       TEXT NOT NULL,
  reason         TEXT NOT NULL
);
-- Covering: warehouse statistics read every movement grouped by sku in one
-- pass over this index, never the table (src/erp/sql.ts articleStatsAggregates).
CREATE INDEX IF NOT EXISTS ix_stock_movements_sku ON ecom_stock_movements (sku, moved_at, warehouse_code, reason, quantity);

CREATE TABLE IF NOT EXISTS ecom_changes (
  change_id  INTEGER PRIMARY KEY AUTOINCREMENT,
  entity     TEXT NOT NULL,
  entity_key TEXT,
  changed_at TEXT NOT NULL
);

-- Staging tables Ponte writes; the ERP imports them.
CREATE TABLE IF NOT EXISTS ecom_order_inbox (
  inbox_id           INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key    TEXT NOT NULL,
  request_hash       TEXT NOT NULL,
  customer_code      TEXT NOT NULL,
  agent_code         TEXT,
  channel            TEXT NOT NULL,
  customer_reference TEXT,
  destination_id     TEXT,
  ship_to_name       TEXT,
  ship_to_street     TEXT,
  ship_to_postcode   TEXT,
  ship_to_city       TEXT,
  ship_to_province   TEXT,
  ship_to_country    TEXT,
  requested_delivery TEXT,
  notes              TEXT,
  currency           TEXT NOT NULL,
  total_net          TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'NEW',
  erp_order_number   TEXT,
  erp_message        TEXT,
  created_at         TEXT NOT NULL
);
-- Idempotency keys belong to the customer (contract version 1 had them unique across customers).
CREATE UNIQUE INDEX IF NOT EXISTS ux_order_inbox_customer_key ON ecom_order_inbox (customer_code, idempotency_key);
CREATE INDEX IF NOT EXISTS ix_order_inbox_customer ON ecom_order_inbox (customer_code, inbox_id);
CREATE INDEX IF NOT EXISTS ix_order_inbox_status ON ecom_order_inbox (status, inbox_id);

CREATE TABLE IF NOT EXISTS ecom_order_inbox_lines (
  inbox_id   INTEGER NOT NULL REFERENCES ecom_order_inbox (inbox_id),
  line_no    INTEGER NOT NULL,
  sku        TEXT NOT NULL,
  quantity   TEXT NOT NULL,
  list_price TEXT,
  unit_price TEXT NOT NULL,
  discount_1 TEXT,
  discount_2 TEXT,
  discount_3 TEXT,
  line_total TEXT NOT NULL,
  vat_rate   TEXT NOT NULL,
  PRIMARY KEY (inbox_id, line_no)
);
