/**
 * The only place where SQLite and SQL Server differ. Every statement in
 * src/erp/sql.ts is written once, with these few fragments spliced in, and
 * uses `@name` parameters, which both better-sqlite3 and mssql understand.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'mssql';
  /** A one-column table (`value`) from a JSON array of strings bound to `param`. */
  keyList(param: string): string;
  /** A one-column table of bigint ids from a JSON array of id strings bound to `param`. */
  idList(param: string): string;
  /** A decimal column as plain-notation text ("9.9900"). */
  decimal(column: string): string;
  /** A date column as "YYYY-MM-DD" text. */
  date(column: string): string;
  /** A datetime column as ISO 8601 text (the ERP's local time, no zone). */
  datetime(column: string): string;
  /** A datetime2 column Ponte wrote in UTC, as ISO 8601 text with its Z. */
  utcInstant(column: string): string;
  /** A bigint id as text, so no id loses precision in JavaScript. */
  id(column: string): string;
  /** Row limit after ORDER BY. */
  limit(param: string): string;
  /** After ORDER BY: only the row at 0-based position `param`. */
  rowAt(param: string): string;
  /**
   * A text expression folded for case- and accent-insensitive matching
   * against a pattern already folded by foldText (src/catalog/searchTerms).
   * SQLite's LIKE folds ASCII only, so its adapter registers ponte_fold
   * (foldText itself) on its own connection; SQL Server compares under an
   * accent-insensitive collation, whatever the column's own.
   */
  fold(expression: string): string;
  /** One row with `n` = 1 when a table or view of this name (bound to `param`) exists, else 0. */
  relationExists(param: string): string;
  /** Byte length of a binary column. */
  byteLength(column: string): string;
  /**
   * A decimal(18,3) column as integer thousandths, so sums are exact: SQLite
   * reads the TEXT through a double, exact for the column's values below
   * 9·10^12 (rounded back to the integer); SQL Server scales the decimal.
   */
  milli(column: string): string;
  /** An integer expression (a sum of thousandths) as text, so no value loses precision in JavaScript. */
  integerText(expression: string): string;
  /** Whole days from the date parameter `param` ("YYYY-MM-DD") to the day of a datetime column. */
  daysFrom(param: string, column: string): string;
  /** An INSERT of one row that returns its identity column, as text, in a column named `id`. */
  insertReturningId(table: string, columns: string, values: string, idColumn: string): string;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  keyList: (p) => `SELECT value FROM json_each(${p})`,
  idList: (p) => `SELECT CAST(value AS INTEGER) FROM json_each(${p})`,
  // A decimal stored as TEXT passes through untouched; one an exporter
  // stored as a number is printed the way SQLite prints it.
  decimal: (c) => `CAST(${c} AS TEXT)`,
  date: (c) => `substr(${c}, 1, 10)`,
  datetime: (c) => c,
  // Written by Ponte as toISOString() text, Z included.
  utcInstant: (c) => c,
  id: (c) => `CAST(${c} AS TEXT)`,
  limit: (p) => `LIMIT ${p}`,
  rowAt: (p) => `LIMIT 1 OFFSET ${p}`,
  fold: (e) => `ponte_fold(${e})`,
  relationExists: (p) => `SELECT COUNT(*) AS n FROM sqlite_master WHERE type IN ('table', 'view') AND name = ${p}`,
  byteLength: (c) => `length(${c})`,
  milli: (c) => `CAST(ROUND(${c} * 1000) AS INTEGER)`,
  integerText: (e) => `CAST(${e} AS TEXT)`,
  daysFrom: (p, c) => `CAST(julianday(substr(${c}, 1, 10)) - julianday(${p}) AS INTEGER)`,
  insertReturningId: (table, columns, values, id) =>
    `INSERT INTO ${table} (${columns}) VALUES (${values}) RETURNING CAST(${id} AS TEXT) AS id`,
};

export const mssqlDialect: Dialect = {
  name: 'mssql',
  keyList: (p) => `SELECT value FROM OPENJSON(${p}) WITH (value nvarchar(100) '$')`,
  idList: (p) => `SELECT value FROM OPENJSON(${p}) WITH (value bigint '$')`,
  decimal: (c) => `CONVERT(varchar(60), ${c})`,
  date: (c) => `CONVERT(char(10), ${c}, 23)`,
  datetime: (c) => `CONVERT(varchar(33), ${c}, 127)`,
  // datetime2 has no zone; Ponte writes UTC, so the zone is put back here.
  utcInstant: (c) => `CONVERT(varchar(33), ${c}, 127) + 'Z'`,
  id: (c) => `CONVERT(varchar(20), ${c})`,
  limit: (p) => `OFFSET 0 ROWS FETCH NEXT ${p} ROWS ONLY`,
  rowAt: (p) => `OFFSET ${p} ROWS FETCH NEXT 1 ROWS ONLY`,
  fold: (e) => `${e} COLLATE Latin1_General_CI_AI`,
  relationExists: (p) => `SELECT CASE WHEN OBJECT_ID(${p}) IS NULL THEN 0 ELSE 1 END AS n`,
  byteLength: (c) => `DATALENGTH(${c})`,
  milli: (c) => `CAST(ROUND(${c} * 1000, 0) AS bigint)`,
  integerText: (e) => `CONVERT(varchar(40), ${e})`,
  daysFrom: (p, c) => `DATEDIFF(day, CAST(${p} AS date), ${c})`,
  // OUTPUT … INTO a table variable: a bare OUTPUT clause is refused on a
  // table with triggers, and ERPs put triggers on import tables.
  insertReturningId: (table, columns, values, id) =>
    `DECLARE @inserted TABLE (id bigint);
     INSERT INTO ${table} (${columns}) OUTPUT INSERTED.${id} INTO @inserted VALUES (${values});
     SELECT CONVERT(varchar(20), id) AS id FROM @inserted`,
};

/** Escapes LIKE wildcards (both dialects honour ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_[]/g, (c) => `\\${c}`)}%`;
}
