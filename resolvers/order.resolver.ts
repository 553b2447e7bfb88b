import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { chargePricedLines } from '../src/graphql/workBudget';
import type { PonteContext } from '../src/graphql/context';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { actingCustomer } from '../src/auth/actingCustomer';
import { placeOrder } from '../src/orders/placeOrder';
import { cartFacts } from '../loaders/cartFacts';
import { presentOrder } from '../src/orders/presentOrder';
import type { OrderHeaderRow } from '../src/erp/port';
import { badUserInput } from '../src/errors';
import { Order, OrderConnection, OrderStatus, PlaceOrderInput, PlaceOrderResult } from './types/order.type';
import { OrderErrorCode } from './types/quote.type';

const CURSOR = 'order';
export const MAX_ORDER_PAGE = 100;

async function toOrder(ctx: PonteContext, header: OrderHeaderRow): Promise<Order> {
  const view = presentOrder(header, await ctx.loaders.orderLines.load(header.inboxId));
  return { ...view, status: OrderStatus[view.status as OrderStatus] ?? OrderStatus.NEW };
}

@Resolver(() => Order)
export class OrderResolver {
  @Mutation(() => PlaceOrderResult, { description: 'Validates, prices and writes an order into the ERP inbox, exactly once.' })
  async placeOrder(@Arg('input', () => PlaceOrderInput) input: PlaceOrderInput, @Ctx() ctx: PonteContext): Promise<PlaceOrderResult> {
    // An order is priced and checked on facts read within their lifetime, never on stale ones.
    ctx.freshness.requireFresh = true;
    chargePricedLines(ctx.erpScope, input.lines.length);
    // Who orders is settled before anything else, as for every private read.
    const viewer = await ctx.viewer();
    const customer = actingCustomer(ctx.principal, viewer);
    const outcome = await placeOrder(
      {
        erp: ctx.erp,
        cart: cartFacts(ctx, viewer),
        destinations: (code) => ctx.loaders.destinations.load(code),
        settings: () => ctx.settings(),
        today: (settings) => ctx.today(settings),
        now: ctx.now,
        maxOrderLines: ctx.services.config.maxOrderLines,
        ...(ctx.services.chargeOrder ? { chargeOrder: ctx.services.chargeOrder } : {}),
      },
      { customer, agentCode: viewer.agentCode, channel: ctx.principal.role === 'agent' ? 'SALES_APP' : 'STOREFRONT' },
      input,
    );
    return {
      order: outcome.order ? await toOrder(ctx, outcome.order) : null,
      errors: outcome.problems.map((p) => ({ ...p, code: OrderErrorCode[p.code] })),
    };
  }

  @Query(() => Order, { nullable: true, description: "An order of the acting customer; null for anyone else's." })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: PonteContext): Promise<Order | null> {
    const customer = actingCustomer(ctx.principal, await ctx.viewer());
    if (!/^\d{1,18}$/.test(id)) return null;
    const [header] = await ctx.erp.ordersById([id]);
    return header && header.customerCode === customer.code ? toOrder(ctx, header) : null;
  }

  @Query(() => OrderConnection, { description: "The acting customer's orders, newest first." })
  async orders(
    @Ctx() ctx: PonteContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<OrderConnection> {
    const customer = actingCustomer(ctx.principal, await ctx.viewer());
    const size = pageSize(first, 20, MAX_ORDER_PAGE);
    const before = decodeCursor(CURSOR, after);
    if (before !== null && !/^\d{1,18}$/.test(before)) throw badUserInput('after: not a valid cursor.');
    const rows = await ctx.erp.ordersPage({ customerCode: customer.code, before, limit: size + 1 });
    const page = rows.slice(0, size);
    const edges = await Promise.all(page.map(async (r) => ({ cursor: encodeCursor(CURSOR, r.inboxId), node: await toOrder(ctx, r) })));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    };
  }
}
