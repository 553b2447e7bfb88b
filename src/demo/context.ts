/** What every section of the generator reads: the drawn master data and the database it writes to. */
import type BetterSqlite3 from 'better-sqlite3';
import { formatDay } from './calendar';
import type { Article, Customer } from './model';

export interface Context {
  today: number;
  articles: Article[];
  customers: Customer[];
  demo: Customer;
  /** The family opened to the demo customer by an ALLOW-by-family rule. */
  demoFamily: string;
  db: BetterSqlite3.Database;
}

export const day = (ctx: Context, offset: number): string => formatDay(ctx.today + offset);
