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
  /** A datetime column as ISO 8601 text. */
  datetime(column: string): string;
  /** A bigint id as text, so no id loses precision in JavaScript. */
  id(column: string): string;
  /** Row limit after ORDER BY. */
  limit(param: string): string;
  /** Byte length of a binary column. */
  byteLength(column: string): string;
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
  id: (c) => `CAST(${c} AS TEXT)`,
  limit: (p) => `LIMIT ${p}`,
  byteLength: (c) => `length(${c})`,
};

export const mssqlDialect: Dialect = {
  name: 'mssql',
  keyList: (p) => `SELECT value FROM OPENJSON(${p}) WITH (value nvarchar(100) '$')`,
  idList: (p) => `SELECT value FROM OPENJSON(${p}) WITH (value bigint '$')`,
  decimal: (c) => `CONVERT(varchar(60), ${c})`,
  date: (c) => `CONVERT(char(10), ${c}, 23)`,
  datetime: (c) => `CONVERT(varchar(33), ${c}, 127)`,
  id: (c) => `CONVERT(varchar(20), ${c})`,
  limit: (p) => `OFFSET 0 ROWS FETCH NEXT ${p} ROWS ONLY`,
  byteLength: (c) => `DATALENGTH(${c})`,
};

/** Escapes LIKE wildcards (both dialects honour ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_[]/g, (c) => `\\${c}`)}%`;
}
