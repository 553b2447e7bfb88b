/** Commercial conditions of every kind and scope, around today. */
import { CASCADES, TRADE_GROUPS } from './data/company';
import { FAMILY_CODES } from './data/catalogue';
import { day, type Context } from './context';
import { mulRatio, percent, price, toCents } from './fixedPoint';
import type { Article } from './model';
import type { Random } from './random';

interface ConditionSpec {
  customerCode?: string | null;
  customerGroup?: string | null;
  sku?: string | null;
  familyCode?: string | null;
  minQty?: string;
  window?: readonly [string | null, string | null];
  priority?: number;
  kind: 'PRICE' | 'NET_PRICE' | 'DISCOUNT';
  price?: number | null;
  /** Cascade in hundredths of a percent; discount_n beyond its length is NULL. */
  discounts?: readonly number[];
}

/**
 * Commercial conditions of every kind and scope (customer, group, everyone ×
 * sku, family, everything), with validity windows before, around and after
 * today and a few priorities and minimum quantities. Returns each customer's
 * general discount cascade, which its past documents apply.
 */
export function insertConditions(ctx: Context, rnd: Random, demoSees: (a: Article) => boolean): Map<string, readonly number[]> {
  const statement = ctx.db.prepare(
    `INSERT INTO ecom_conditions (condition_id, customer_code, customer_group, sku, family_code, min_qty, valid_from, valid_to,
       priority, kind, price, discount_1, discount_2, discount_3)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let nextId = 1;
  const add = (spec: ConditionSpec): void => {
    const d = spec.discounts ?? [];
    const [from, to] = spec.window ?? [null, null];
    statement.run(
      nextId++, spec.customerCode ?? null, spec.customerGroup ?? null, spec.sku ?? null, spec.familyCode ?? null,
      spec.minQty ?? '0', from, to, spec.priority ?? 0, spec.kind,
      spec.price === undefined || spec.price === null ? null : price(spec.price),
      d.length > 0 ? percent(d[0]) : null, d.length > 1 ? percent(d[1]) : null, d.length > 2 ? percent(d[2]) : null,
    );
  };
  /** Validity: mostly open, some started or ending, some around today, some expired, some not yet valid. */
  const window = (): readonly [string | null, string | null] => {
    switch (rnd.weighted([['OPEN', 55], ['STARTED', 10], ['UNTIL', 5], ['CURRENT', 15], ['EXPIRED', 8], ['FUTURE', 7]] as const)) {
      case 'OPEN':
        return [null, null];
      case 'STARTED':
        return [day(ctx, -rnd.int(0, 365)), null];
      case 'UNTIL':
        return [null, day(ctx, rnd.int(0, 180))];
      case 'CURRENT':
        return [day(ctx, -rnd.int(0, 60)), day(ctx, rnd.int(0, 90))];
      case 'EXPIRED': {
        const end = rnd.int(1, 200);
        return [rnd.chance(0.3) ? null : day(ctx, -end - rnd.int(10, 200)), day(ctx, -end)];
      }
      case 'FUTURE': {
        const start = rnd.int(1, 60);
        return [day(ctx, start), rnd.chance(0.4) ? null : day(ctx, start + rnd.int(10, 120))];
      }
    }
  };
  const priority = (): number => (rnd.chance(0.85) ? 0 : rnd.int(1, 10));
  const minQty = (): string => (rnd.chance(0.85) ? '0' : rnd.pick(['5', '10', '20', '50', '100']));
  const anyArticle = (): Article => rnd.pick(ctx.articles);
  /** A special price below the article's usual one, to the cent most of the time. */
  const specialPrice = (a: Article, low: number, high: number): number => {
    const units = mulRatio(a.refPrice, rnd.int(low, high), 10_000);
    return rnd.chance(0.7) ? Math.max(100, toCents(units)) : Math.max(1, units);
  };
  const discountsByCustomer = new Map<string, readonly number[]>();

  // The demo customer: one of each interesting case, all about articles it can see.
  const demo = ctx.demo.code;
  const visible = ctx.articles.filter((a) => demoSees(a) && !a.restricted && a.listPrice !== null);
  const [priceSku, netSku, windowSku, todaySku] = rnd.sample(visible, 4);
  discountsByCustomer.set(demo, [1000, 500]);
  add({ customerCode: demo, kind: 'DISCOUNT', discounts: [1000, 500] });
  add({ customerCode: demo, familyCode: 'FAM-ELE', kind: 'DISCOUNT', discounts: [2000] });
  add({ customerCode: demo, familyCode: 'FAM-IDR', minQty: '50', kind: 'DISCOUNT', discounts: [1000, 500, 200] });
  add({ customerCode: demo, sku: priceSku.sku, kind: 'PRICE', price: specialPrice(priceSku, 7500, 8500) });
  add({ customerCode: demo, sku: netSku.sku, kind: 'NET_PRICE', price: specialPrice(netSku, 6500, 7500) });
  add({ customerCode: demo, kind: 'DISCOUNT', discounts: [3333], window: [day(ctx, -120), day(ctx, -10)] });
  add({ customerCode: demo, familyCode: ctx.demoFamily, kind: 'DISCOUNT', discounts: [1500], window: [day(ctx, 15), null] });
  add({ customerCode: demo, sku: windowSku.sku, kind: 'PRICE', priority: 5, price: specialPrice(windowSku, 7000, 8000), window: [day(ctx, -30), day(ctx, 0)] });
  add({ customerCode: demo, sku: todaySku.sku, kind: 'DISCOUNT', discounts: [1250], window: [day(ctx, 0), day(ctx, 30)] });
  // "A price winner without a list price still gives a price": an article on request, priced for this customer.
  const onRequest = ctx.articles.find((a) => demoSees(a) && a.listPrice === null);
  if (onRequest) add({ customerCode: demo, sku: onRequest.sku, kind: 'PRICE', price: toCents(onRequest.refPrice) });

  for (const customer of ctx.customers) {
    if (customer === ctx.demo) continue;
    const code = customer.code;
    if (rnd.chance(0.35)) {
      const cascade = rnd.pick(CASCADES);
      const window0 = window();
      add({ customerCode: code, kind: 'DISCOUNT', discounts: cascade, window: window0, priority: priority() });
      if (window0[0] === null && window0[1] === null) discountsByCustomer.set(code, cascade);
    }
    if (rnd.chance(0.3)) {
      for (const family of rnd.sample(FAMILY_CODES, rnd.int(1, 3))) {
        add({ customerCode: code, familyCode: family, kind: 'DISCOUNT', discounts: rnd.pick(CASCADES), minQty: minQty(), window: window(), priority: priority() });
      }
    }
    if (rnd.chance(0.25)) {
      const count = rnd.int(1, 5);
      for (let i = 0; i < count; i++) {
        const a = anyArticle();
        add({ customerCode: code, sku: a.sku, kind: 'PRICE', price: specialPrice(a, 7500, 9500), minQty: minQty(), window: window(), priority: priority() });
      }
    }
    if (rnd.chance(0.1)) {
      const count = rnd.int(1, 2);
      for (let i = 0; i < count; i++) {
        const a = anyArticle();
        add({ customerCode: code, sku: a.sku, kind: 'NET_PRICE', price: specialPrice(a, 7000, 9000), window: window(), priority: priority() });
      }
    }
  }

  // Group conditions: family discounts for the trade, a general discount for some groups, special prices.
  for (const group of TRADE_GROUPS) {
    for (const family of FAMILY_CODES) {
      if (rnd.chance(0.45)) add({ customerGroup: group, familyCode: family, kind: 'DISCOUNT', discounts: rnd.pick(CASCADES), minQty: minQty(), window: window(), priority: priority() });
    }
    const priced = Math.min(150, Math.ceil(ctx.articles.length / 50));
    for (let i = 0; i < priced; i++) {
      const a = anyArticle();
      add({ customerGroup: group, sku: a.sku, kind: 'PRICE', price: specialPrice(a, 8000, 9500), minQty: minQty(), window: window(), priority: priority() });
    }
    for (let i = 0; i < 20; i++) {
      const a = anyArticle();
      add({ customerGroup: group, sku: a.sku, kind: 'NET_PRICE', price: specialPrice(a, 7500, 9000), window: window(), priority: priority() });
    }
  }
  add({ customerGroup: 'RIVENDITORI', kind: 'DISCOUNT', discounts: [500] });
  add({ customerGroup: 'GDO', kind: 'DISCOUNT', discounts: [300, 200], minQty: '10' });

  // Conditions for everyone (anonymous callers included): promotions and volume discounts.
  for (const family of rnd.sample(FAMILY_CODES, 8)) {
    add({ familyCode: family, kind: 'DISCOUNT', discounts: rnd.pick(CASCADES), minQty: minQty(), window: window(), priority: priority() });
  }
  const promotions = Math.min(400, Math.ceil(ctx.articles.length / 25));
  for (let i = 0; i < promotions; i++) {
    const a = anyArticle();
    add({ sku: a.sku, kind: 'PRICE', price: specialPrice(a, 8000, 9500), window: window(), priority: priority() });
  }
  for (let i = 0; i < 30; i++) {
    const a = anyArticle();
    add({ sku: a.sku, kind: 'NET_PRICE', price: specialPrice(a, 8500, 9500), priority: 5, window: window() });
  }
  add({ kind: 'DISCOUNT', discounts: [300], minQty: '500' });

  return discountsByCustomer;
}
