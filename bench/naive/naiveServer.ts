/**
 * The naive server: "the thing a team would write in a day". Apollo Server 5
 * on fastify, type-graphql, per-request DataLoaders and better-sqlite3 on a
 * small database of its own (one price row and one stock row per sku, built
 * by `buildNaiveDb` from the demo ERP). No customers, no rules, no
 * visibility, no caches beyond the request's DataLoaders: the yardstick the
 * benchmark divides Ponte's figures by.
 *
 * Run as a child process by the harness: NAIVE_DB (the SQLite file), HOST,
 * PORT. It answers POST /graphql and GET /readyz, and ignores any
 * Authorization header (it has no customers).
 */
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import Database from 'better-sqlite3';
import DataLoader from 'dataloader';
import Fastify from 'fastify';
import { Arg, buildSchema, Ctx, Field, FieldResolver, Float, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';

/** IN_STOCK from this many available units, LOW_STOCK below, OUT_OF_STOCK at 0. */
const LOW_STOCK_THRESHOLD = 5;

interface ProductRow {
  sku: string;
  description: string;
  vat_rate: number;
}
interface PriceRow {
  sku: string;
  price: number;
}
interface StockRow {
  sku: string;
  available: number;
}

interface Ctx {
  products: DataLoader<string, ProductRow | null>;
  prices: DataLoader<string, PriceRow | null>;
  stock: DataLoader<string, StockRow | null>;
}

@ObjectType()
class NaivePrice {
  @Field(() => Float)
  quantity!: number;
  @Field(() => String)
  unitPrice!: string;
  @Field(() => String)
  lineTotal!: string;
}

@ObjectType()
class NaiveAvailability {
  @Field(() => String)
  status!: string;
  @Field(() => String)
  available!: string;
}

@ObjectType()
class NaiveProduct {
  @Field(() => ID)
  sku!: string;
  @Field(() => String)
  erpDescription!: string;
  @Field(() => String)
  vatRate!: string;
}

@InputType()
class NaiveQuoteLineInput {
  @Field(() => ID)
  sku!: string;
  @Field(() => String)
  quantity!: string;
}

@ObjectType()
class NaiveQuoteLine {
  @Field(() => ID)
  sku!: string;
  @Field(() => String)
  quantity!: string;
  @Field(() => String, { nullable: true })
  unitPrice!: string | null;
  @Field(() => String, { nullable: true })
  lineTotal!: string | null;
}

@ObjectType()
class NaiveQuote {
  @Field(() => String)
  totalNet!: string;
  @Field(() => [NaiveQuoteLine])
  lines!: NaiveQuoteLine[];
}

const money = (n: number, digits: number) => n.toFixed(digits);

@Resolver(() => NaiveProduct)
class ProductResolver {
  @Query(() => [NaiveProduct], { nullable: 'items' })
  async products(@Arg('skus', () => [ID]) skus: string[], @Ctx() ctx: Ctx): Promise<Array<NaiveProduct | null>> {
    const rows = await ctx.products.loadMany(skus);
    return rows.map((r) => (r && !(r instanceof Error) ? toProduct(r) : null));
  }

  @Query(() => NaiveProduct, { nullable: true })
  async product(@Arg('sku', () => ID) sku: string, @Ctx() ctx: Ctx): Promise<NaiveProduct | null> {
    const row = await ctx.products.load(sku);
    return row ? toProduct(row) : null;
  }

  @FieldResolver(() => NaivePrice, { nullable: true })
  async price(@Root() product: NaiveProduct, @Arg('quantity', () => Float, { defaultValue: 1 }) quantity: number, @Ctx() ctx: Ctx): Promise<NaivePrice | null> {
    const row = await ctx.prices.load(product.sku);
    if (!row) return null;
    return { quantity, unitPrice: money(row.price, 4), lineTotal: money(row.price * quantity, 2) };
  }

  @FieldResolver(() => NaiveAvailability, { nullable: true })
  async availability(@Root() product: NaiveProduct, @Ctx() ctx: Ctx): Promise<NaiveAvailability> {
    const row = await ctx.stock.load(product.sku);
    const available = Math.max(0, row?.available ?? 0);
    const status = available >= LOW_STOCK_THRESHOLD ? 'IN_STOCK' : available > 0 ? 'LOW_STOCK' : 'OUT_OF_STOCK';
    return { status, available: String(available) };
  }

  @Query(() => NaiveQuote)
  async quote(@Arg('lines', () => [NaiveQuoteLineInput]) lines: NaiveQuoteLineInput[], @Ctx() ctx: Ctx): Promise<NaiveQuote> {
    const prices = await ctx.prices.loadMany(lines.map((l) => l.sku));
    let total = 0;
    const out = lines.map((line, i) => {
      const p = prices[i];
      if (!p || p instanceof Error) return { sku: line.sku, quantity: line.quantity, unitPrice: null, lineTotal: null };
      const lineTotal = Math.round(p.price * Number(line.quantity) * 100) / 100;
      total += lineTotal;
      return { sku: line.sku, quantity: line.quantity, unitPrice: money(p.price, 4), lineTotal: money(lineTotal, 2) };
    });
    return { totalNet: money(total, 2), lines: out };
  }
}

function toProduct(r: ProductRow): NaiveProduct {
  return { sku: r.sku, erpDescription: r.description, vatRate: String(r.vat_rate) };
}

/** One `WHERE sku IN (…)` per batch, rows returned in key order. */
function batchLoader<T extends { sku: string }>(db: Database.Database, select: string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const rows = db.prepare(`${select} WHERE sku IN (${keys.map(() => '?').join(',')})`).all(...keys) as T[];
    const bySku = new Map(rows.map((r) => [r.sku, r]));
    return keys.map((k) => bySku.get(k) ?? null);
  });
}

async function main(): Promise<void> {
  const file = process.env.NAIVE_DB;
  if (!file) throw new Error('NAIVE_DB is not set');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const schema = await buildSchema({ resolvers: [ProductResolver], validate: false });
  const app = Fastify({ logger: false });
  const apollo = new ApolloServer<Ctx>({ schema, plugins: [fastifyApolloDrainPlugin(app)] });
  await apollo.start();
  app.get('/readyz', async () => ({ ok: true }));
  const handler = fastifyApolloHandler(apollo, {
    context: async () => ({
      products: batchLoader<ProductRow>(db, 'SELECT sku, description, vat_rate FROM naive_products'),
      prices: batchLoader<PriceRow>(db, 'SELECT sku, price FROM naive_prices'),
      stock: batchLoader<StockRow>(db, 'SELECT sku, available FROM naive_stock'),
    }),
  });
  app.post('/graphql', handler);
  await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 4100) });
  const stop = () => {
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`naive server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
