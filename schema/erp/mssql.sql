-- Ponte ERP integration contract, version 1: SQL Server (T-SQL) layout.
--
-- In a real installation most of the relations below are VIEWS the
-- integrator writes over the ERP's own tables; these tables are the reference
-- shape (and what the contract test suite creates in a scratch database).
-- Only ecom_order_inbox / ecom_order_inbox_lines are written by Ponte.

CREATE TABLE ecom_settings (
  setting_key   nvarchar(50)  NOT NULL PRIMARY KEY,
  setting_value nvarchar(200) NULL
);

CREATE TABLE ecom_agents (
  agent_code nvarchar(20)  NOT NULL PRIMARY KEY,
  name       nvarchar(200) NOT NULL,
  email      nvarchar(200) NULL
);

CREATE TABLE ecom_customers (
  customer_code   nvarchar(20)  NOT NULL PRIMARY KEY,
  company_name    nvarchar(200) NOT NULL,
  vat_number      nvarchar(20)  NULL,
  tax_code        nvarchar(20)  NULL,
  sdi_code        nvarchar(7)   NULL,
  pec             nvarchar(200) NULL,
  email           nvarchar(200) NULL,
  phone           nvarchar(50)  NULL,
  street          nvarchar(200) NULL,
  postcode        nvarchar(20)  NULL,
  city            nvarchar(100) NULL,
  province        nvarchar(10)  NULL,
  country         nvarchar(2)   NULL,
  price_list_code nvarchar(20)  NULL,
  customer_group  nvarchar(20)  NULL,
  agent_code      nvarchar(20)  NULL,
  payment_terms   nvarchar(100) NULL,
  blocked         bit           NOT NULL DEFAULT 0
);
CREATE INDEX ix_customers_agent ON ecom_customers (agent_code, customer_code);

CREATE TABLE ecom_destinations (
  destination_id nvarchar(30)  NOT NULL PRIMARY KEY,
  customer_code  nvarchar(20)  NOT NULL,
  name           nvarchar(200) NULL,
  street         nvarchar(200) NULL,
  postcode       nvarchar(20)  NULL,
  city           nvarchar(100) NULL,
  province       nvarchar(10)  NULL,
  country        nvarchar(2)   NULL,
  is_default     bit           NOT NULL DEFAULT 0
);
CREATE INDEX ix_destinations_customer ON ecom_destinations (customer_code);

CREATE TABLE ecom_articles (
  sku           nvarchar(50)  NOT NULL PRIMARY KEY,
  description   nvarchar(200) NOT NULL,
  unit          nvarchar(10)  NOT NULL,
  family_code   nvarchar(20)  NULL,
  vat_rate      decimal(5,2)  NOT NULL,
  pack_qty      decimal(18,3) NOT NULL DEFAULT 1,
  min_order_qty decimal(18,3) NOT NULL DEFAULT 0,
  restricted    bit           NOT NULL DEFAULT 0,
  active        bit           NOT NULL DEFAULT 1,
  web_enabled   bit           NOT NULL DEFAULT 1
);
CREATE INDEX ix_articles_family ON ecom_articles (family_code, sku);

-- Optional in the contract: without it a family's name is its code.
CREATE TABLE ecom_families (
  family_code nvarchar(20)  NOT NULL PRIMARY KEY,
  description nvarchar(200) NULL
);

CREATE TABLE ecom_price_lists (
  price_list_code nvarchar(20)  NOT NULL PRIMARY KEY,
  description     nvarchar(200) NULL,
  currency        char(3)       NOT NULL DEFAULT 'EUR'
);

-- valid_from is part of the contract key but nullable, so the key is a
-- unique index (SQL Server allows one NULL per combination) over a surrogate.
CREATE TABLE ecom_price_list_items (
  item_id         bigint IDENTITY(1,1) NOT NULL PRIMARY KEY NONCLUSTERED,
  price_list_code nvarchar(20)  NOT NULL,
  sku             nvarchar(50)  NOT NULL,
  min_qty         decimal(18,3) NOT NULL DEFAULT 0,
  price           decimal(19,4) NOT NULL,
  valid_from      date          NULL,
  valid_to        date          NULL
);
CREATE UNIQUE CLUSTERED INDEX ux_price_list_items
  ON ecom_price_list_items (price_list_code, sku, min_qty, valid_from);
CREATE INDEX ix_price_list_items_sku ON ecom_price_list_items (sku, price_list_code);

CREATE TABLE ecom_conditions (
  condition_id   bigint        NOT NULL PRIMARY KEY,
  customer_code  nvarchar(20)  NULL,
  customer_group nvarchar(20)  NULL,
  sku            nvarchar(50)  NULL,
  family_code    nvarchar(20)  NULL,
  min_qty        decimal(18,3) NOT NULL DEFAULT 0,
  valid_from     date          NULL,
  valid_to       date          NULL,
  priority       int           NOT NULL DEFAULT 0,
  kind           varchar(10)   NOT NULL CHECK (kind IN ('PRICE', 'NET_PRICE', 'DISCOUNT')),
  price          decimal(19,4) NULL,
  discount_1     decimal(5,2)  NULL,
  discount_2     decimal(5,2)  NULL,
  discount_3     decimal(5,2)  NULL,
  CHECK (customer_code IS NULL OR customer_group IS NULL),
  CHECK (sku IS NULL OR family_code IS NULL)
);
CREATE INDEX ix_conditions_customer ON ecom_conditions (customer_code);
CREATE INDEX ix_conditions_group ON ecom_conditions (customer_group);

CREATE TABLE ecom_visibility (
  rule_id        bigint       NOT NULL PRIMARY KEY,
  mode           varchar(5)   NOT NULL CHECK (mode IN ('ALLOW', 'DENY')),
  sku            nvarchar(50) NULL,
  family_code    nvarchar(20) NULL,
  customer_code  nvarchar(20) NULL,
  customer_group nvarchar(20) NULL,
  CHECK ((sku IS NULL AND family_code IS NOT NULL) OR (sku IS NOT NULL AND family_code IS NULL)),
  CHECK ((customer_code IS NULL AND customer_group IS NOT NULL) OR (customer_code IS NOT NULL AND customer_group IS NULL))
);
CREATE INDEX ix_visibility_customer ON ecom_visibility (customer_code);
CREATE INDEX ix_visibility_group ON ecom_visibility (customer_group);

CREATE TABLE ecom_warehouses (
  warehouse_code nvarchar(20)  NOT NULL PRIMARY KEY,
  name           nvarchar(200) NOT NULL,
  web_enabled    bit           NOT NULL DEFAULT 1
);

CREATE TABLE ecom_stock (
  sku            nvarchar(50)  NOT NULL,
  warehouse_code nvarchar(20)  NOT NULL,
  on_hand        decimal(18,3) NOT NULL DEFAULT 0,
  committed      decimal(18,3) NOT NULL DEFAULT 0,
  PRIMARY KEY (sku, warehouse_code)
);

CREATE TABLE ecom_incoming (
  incoming_id    bigint IDENTITY(1,1) NOT NULL PRIMARY KEY NONCLUSTERED,
  sku            nvarchar(50)  NOT NULL,
  warehouse_code nvarchar(20)  NOT NULL,
  expected_date  date          NOT NULL,
  quantity       decimal(18,3) NOT NULL
);
CREATE CLUSTERED INDEX ix_incoming_sku ON ecom_incoming (sku, expected_date);

CREATE TABLE ecom_documents (
  document_id       nvarchar(40)  NOT NULL PRIMARY KEY,
  customer_code     nvarchar(20)  NOT NULL,
  doc_type          varchar(20)   NOT NULL,
  number            nvarchar(30)  NOT NULL,
  doc_date          date          NOT NULL,
  currency          char(3)       NOT NULL DEFAULT 'EUR',
  total_net         decimal(19,2) NULL,
  total_vat         decimal(19,2) NULL,
  total_gross       decimal(19,2) NULL,
  due_date          date          NULL,
  paid              bit           NULL,
  destination_id    nvarchar(30)  NULL,
  carrier           nvarchar(100) NULL,
  tracking_number   nvarchar(100) NULL,
  shipped_at        datetime2     NULL,
  expected_delivery date          NULL,
  order_reference   nvarchar(50)  NULL
);
CREATE INDEX ix_documents_customer ON ecom_documents (customer_code, doc_date, document_id);

CREATE TABLE ecom_document_lines (
  document_id nvarchar(40)  NOT NULL,
  line_no     int           NOT NULL,
  sku         nvarchar(50)  NULL,
  description nvarchar(200) NULL,
  quantity    decimal(18,3) NULL,
  unit        nvarchar(10)  NULL,
  unit_price  decimal(19,4) NULL,
  discount_1  decimal(5,2)  NULL,
  discount_2  decimal(5,2)  NULL,
  discount_3  decimal(5,2)  NULL,
  line_total  decimal(19,2) NULL,
  vat_rate    decimal(5,2)  NULL,
  PRIMARY KEY (document_id, line_no)
);

CREATE TABLE ecom_document_files (
  file_id      nvarchar(40)   NOT NULL PRIMARY KEY,
  document_id  nvarchar(40)   NOT NULL,
  kind         varchar(20)    NOT NULL,
  file_name    nvarchar(200)  NOT NULL,
  content_type nvarchar(100)  NOT NULL,
  content      varbinary(max) NULL
);
CREATE INDEX ix_document_files_document ON ecom_document_files (document_id);

CREATE TABLE ecom_stock_movements (
  movement_id    bigint        NOT NULL PRIMARY KEY,
  sku            nvarchar(50)  NOT NULL,
  warehouse_code nvarchar(20)  NOT NULL,
  moved_at       datetime2     NOT NULL,
  quantity       decimal(18,3) NOT NULL,
  reason         varchar(10)   NOT NULL
);
-- Covering: warehouse statistics read every movement grouped by sku in one
-- pass over this index, never the table (src/erp/sql.ts articleStatsAggregates).
CREATE INDEX ix_stock_movements_sku ON ecom_stock_movements (sku, moved_at) INCLUDE (warehouse_code, reason, quantity);

CREATE TABLE ecom_changes (
  change_id  bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
  entity     varchar(20)   NOT NULL,
  entity_key nvarchar(100) NULL,
  changed_at datetime2     NOT NULL DEFAULT SYSUTCDATETIME()
);

-- Staging tables Ponte writes; the ERP imports them.
CREATE TABLE ecom_order_inbox (
  inbox_id           bigint IDENTITY(1,1) NOT NULL PRIMARY KEY,
  idempotency_key    nvarchar(100)  NOT NULL,
  request_hash       char(64)       NOT NULL,
  customer_code      nvarchar(20)   NOT NULL,
  agent_code         nvarchar(20)   NULL,
  channel            varchar(20)    NOT NULL,
  customer_reference nvarchar(50)   NULL,
  destination_id     nvarchar(30)   NULL,
  ship_to_name       nvarchar(200)  NULL,
  ship_to_street     nvarchar(200)  NULL,
  ship_to_postcode   nvarchar(20)   NULL,
  ship_to_city       nvarchar(100)  NULL,
  ship_to_province   nvarchar(10)   NULL,
  ship_to_country    nvarchar(2)    NULL,
  requested_delivery date           NULL,
  notes              nvarchar(1000) NULL,
  currency           char(3)        NOT NULL,
  total_net          decimal(19,2)  NOT NULL,
  status             varchar(12)    NOT NULL DEFAULT 'NEW',
  erp_order_number   nvarchar(30)   NULL,
  erp_message        nvarchar(1000) NULL,
  created_at         datetime2      NOT NULL,
  -- Idempotency keys belong to the customer. Upgrading from contract version 1
  -- (key unique across customers):
  --   ALTER TABLE ecom_order_inbox DROP CONSTRAINT ux_order_inbox_idempotency;
  --   ALTER TABLE ecom_order_inbox ADD CONSTRAINT ux_order_inbox_customer_key UNIQUE (customer_code, idempotency_key);
  CONSTRAINT ux_order_inbox_customer_key UNIQUE (customer_code, idempotency_key)
);
CREATE INDEX ix_order_inbox_customer ON ecom_order_inbox (customer_code, inbox_id);
CREATE INDEX ix_order_inbox_status ON ecom_order_inbox (status, inbox_id);

CREATE TABLE ecom_order_inbox_lines (
  inbox_id   bigint        NOT NULL REFERENCES ecom_order_inbox (inbox_id),
  line_no    int           NOT NULL,
  sku        nvarchar(50)  NOT NULL,
  quantity   decimal(18,3) NOT NULL,
  list_price decimal(19,4) NULL,
  unit_price decimal(19,4) NOT NULL,
  discount_1 decimal(5,2)  NULL,
  discount_2 decimal(5,2)  NULL,
  discount_3 decimal(5,2)  NULL,
  line_total decimal(19,2) NOT NULL,
  vat_rate   decimal(5,2)  NOT NULL,
  PRIMARY KEY (inbox_id, line_no)
);
