/**
 * The schema build (src/graphql/buildSchema.ts): argument defaults reach
 * resolvers parsed by their own scalar, although the subgraph is built from
 * printed SDL; enums are the domain's values, registered once.
 */
import 'reflect-metadata';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GraphQLScalarType, Kind, buildSchema, execute, isEnumType, parse, type GraphQLObjectType } from 'graphql';
import type { Viewer } from '../../src/auth/resolveViewer';
import { Decimal } from '../../src/decimal/decimal';
import { DocumentType } from '../../src/documents/presentDocument';
import type { ArticleRow } from '../../src/erp/port';
import { buildPonteSchema, printPonteSchema, withTypedDefaults } from '../../src/graphql/buildSchema';
import type { PonteContext } from '../../src/graphql/context';
import { OrderErrorCode } from '../../src/orders/orderProblems';
import { OrderChannel, OrderStatus } from '../../src/orders/presentOrder';
import { DocumentFileKind } from '../../src/documents/presentDocument';
import { ViewerRole } from '../../src/auth/viewerRole';
import { PriceSource } from '../../src/pricing/computePrice';
import { PriceStepKind } from '../../src/pricing/explainPrice';
import { projectRoot } from '../../src/projectRoot';
import { StockStatus } from '../../src/stock/availability';
import { ALL_ACTIVE_POLICY } from '../../src/visibility/visibilityPolicy';

const ARTICLE: ArticleRow = {
  sku: 'A1',
  description: 'Articolo A1',
  unit: 'PZ',
  familyCode: null,
  vatRate: '22',
  packQty: '1',
  minOrderQty: '0',
  restricted: false,
  active: true,
  webEnabled: true,
};

const PACK_OF_10: ArticleRow = { ...ARTICLE, sku: 'P10', packQty: '10.000', minOrderQty: '25' };

/** Just enough context for product(sku) { price }: the quantities the price field asks for are recorded. */
function pricingContext(asked: unknown[]): PonteContext {
  const viewer = { policy: ALL_ACTIVE_POLICY } as Viewer;
  const articles = [ARTICLE, PACK_OF_10];
  return {
    viewer: async () => viewer,
    loaders: { article: { loadMany: async (skus: readonly string[]) => skus.map((sku) => articles.find((a) => a.sku === sku) ?? null) } },
    prices: {
      load: async (request: { quantity: unknown }) => {
        asked.push(request.quantity);
        return null;
      },
    },
    erpScope: null,
  } as unknown as PonteContext;
}

async function quantitiesAsked(query: string): Promise<unknown[]> {
  const asked: unknown[] = [];
  const result = await execute({ schema: await buildPonteSchema(), document: parse(query), contextValue: pricingContext(asked) });
  assert.deepEqual(result.errors, undefined);
  return asked;
}

describe('argument defaults', () => {
  test('price(quantity) without a quantity reaches the resolver as the Decimal 1, not the string "1"', async () => {
    const [quantity] = await quantitiesAsked('{ product(sku: "A1") { price { unitPrice } } }');
    assert.ok(quantity instanceof Decimal, `got ${typeof quantity} ${JSON.stringify(quantity)}`);
    assert.ok(quantity.eq(1));
  });

  test('a quantity given reaches it parsed by the same scalar', async () => {
    const asked = await quantitiesAsked('{ product(sku: "A1") { a: price(quantity: "2.5") { unitPrice } b: price(quantity: 3) { unitPrice } } }');
    assert.deepEqual(
      asked.map((q) => (q instanceof Decimal ? q.toString() : q)),
      ['2.5', '3'],
    );
  });

  test("price(quantity) has no SDL default: the default is the article's smallest orderable quantity", async () => {
    const product = (await buildPonteSchema()).getType('Product') as GraphQLObjectType;
    const [quantity] = product.getFields().price!.args;
    assert.equal(quantity!.name, 'quantity');
    assert.equal(quantity!.defaultValue, undefined);
    assert.match(await printPonteSchema(), /price\(quantity: Decimal\): Price/);
  });

  test('price without a quantity, and with an explicit null, asks for a pack-of-10 / minimum-25 article at 30', async () => {
    const asked = await quantitiesAsked('{ product(sku: "P10") { a: price { unitPrice } b: price(quantity: null) { unitPrice } } }');
    assert.deepEqual(
      asked.map((q) => (q instanceof Decimal ? q.toString() : q)),
      ['30', '30'],
    );
  });

  test('withTypedDefaults parses argument and input-field defaults with the final scalar', () => {
    const schema = buildSchema(`
      scalar Money
      input Filter { min: Money = "5" }
      type Query { total(amount: Money = "12.50", filter: Filter = { min: "7" }): String }
    `);
    // What buildSubgraphSchema does with a resolver map: the scalar gets its functions after the defaults were read.
    const money = schema.getType('Money') as GraphQLScalarType;
    money.parseLiteral = (ast) => (ast.kind === Kind.STRING ? new Decimal(ast.value) : undefined);
    const [amount, filterArg] = schema.getQueryType()!.getFields().total!.args;
    const before = amount!.defaultValue;
    assert.equal(before, '12.50', 'before: the literal as a string');
    withTypedDefaults(schema);
    assert.ok((amount!.defaultValue as unknown) instanceof Decimal);
    assert.ok((filterArg!.defaultValue as { min: unknown }).min instanceof Decimal);
    const filter = schema.getType('Filter') as unknown as { getFields(): Record<string, { defaultValue: unknown }> };
    assert.ok(filter.getFields().min!.defaultValue instanceof Decimal);
  });

  test('a default its own scalar refuses fails the build, naming the argument', () => {
    const schema = buildSchema('scalar Money\ntype Query { total(amount: Money = "x"): String }');
    (schema.getType('Money') as GraphQLScalarType).parseLiteral = () => {
      throw new Error('not money');
    };
    assert.throws(() => withTypedDefaults(schema), /Query\.total\(amount\)/);
  });
});

describe('enums', () => {
  const domain: Record<string, Record<string, string>> = {
    OrderErrorCode,
    OrderStatus,
    OrderChannel,
    DocumentType,
    DocumentFileKind,
    ViewerRole,
    PriceSource,
    PriceStepKind,
    StockStatus,
  };

  for (const [name, values] of Object.entries(domain)) {
    test(`${name}: the GraphQL enum is the domain's, name for name and value for value`, async () => {
      const type = (await buildPonteSchema()).getType(name);
      assert.ok(isEnumType(type), name);
      assert.deepEqual(
        type.getValues().map((v) => [v.name, v.value]),
        Object.entries(values),
      );
    });
  }
});

test('the domain modules that declare the enums import no GraphQL package (only resolvers/types registers them)', () => {
  const root = projectRoot();
  const offending: string[] = [];
  for (const dir of ['src/orders', 'src/pricing', 'src/stock', 'src/documents']) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.ts')) continue;
      const file = join(root, dir, entry);
      if (/from\s+['"](?:type-graphql|graphql|@apollo\/[^'"]+)['"]/.test(readFileSync(file, 'utf8'))) offending.push(relative(root, file));
    }
  }
  assert.deepEqual(offending, []);
});
