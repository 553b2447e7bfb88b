import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { cartFacts } from '../loaders/cartFacts';
import { actingCustomer, orderChannel } from '../src/auth/actingCustomer';
import type { OrderHeaderRow } from '../src/erp/port';
import { connection, settled } from '../src/graphql/connection';
import type { PonteContext } from '../src/graphql/context';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { chargePricedLines } from '../src/graphql/workBudget';
import { placeOrder } from '../src/orders/placeOrder';
import { shownIn } from '../src/orders/orderProblems';
import { presentOrder } from '../src/orders/presentOrder';
import { presentDocument } from '../src/documents/presentDocument';
import { Customer, Destination, toCustomer, toDestination } from './types/customer.type';
import { Document } from './types/document.type';
import { Order, OrderConnection, OrderLine, PlaceOrderInput, PlaceOrderResult } from './types/order.type';
import { Product } from './types/product.type';
import { visibleProduct } from './visibleProduct';

const CURSOR = 'order';
export const MAX_ORDER_PAGE = 100;
/** Inbox ids are the staging table's bigint identity: anything else names no order (and must not reach SQL). */
const INBOX_ID = /^\d{1,18}$/;

async function toOrder(ctx: PonteContext, header: OrderHeaderRow): Promise<Order> {
  const [lines, settings] = await Promise.all([ctx.loaders.orderLines.load(header.inboxId), ctx.settings()]);
  return presentOrder(header, lines, settings.timeZone);
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
        maxOrderLines: ctx.services.maxOrderLines,
        ...(ctx.services.chargeOrder ? { chargeOrder: ctx.services.chargeOrder } : {}),
      },
      { customer, agentCode: viewer.agentCode, channel: orderChannel(ctx.principal) },
      input,
    );
    return {
      order: outcome.order ? await toOrder(ctx, outcome.order) : null,
      errors: outcome.problems.length > 0 ? shownIn(await ctx.language(), outcome.problems) : [],
    };
  }

  @Query(() => Order, { nullable: true, description: "An order of the acting customer; null for anyone else's." })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: PonteContext): Promise<Order | null> {
    const customer = actingCustomer(ctx.principal, await ctx.viewer());
    if (!INBOX_ID.test(id)) return null;
    const [header] = await ctx.erp.ordersById([id]);
    return header && header.customerCode === customer.code ? toOrder(ctx, header) : null;
  }

  @Query(() => OrderConnection, {
    nullable: true,
    description: "The acting customer's orders, newest first. Null, with the error, for a caller acting for no customer: the rest of the answer stands.",
  })
  async orders(
    @Ctx() ctx: PonteContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<OrderConnection> {
    const customer = actingCustomer(ctx.principal, await ctx.viewer());
    const size = pageSize(first, 20, MAX_ORDER_PAGE);
    const before = decodeCursor(CURSOR, after, (key) => INBOX_ID.test(key));
    const rows = await ctx.erp.ordersPage({ customerCode: customer.code, before, limit: size + 1 });
    return settled(connection(rows, size, (r) => encodeCursor(CURSOR, r.inboxId), (r) => toOrder(ctx, r)));
  }

  // An order is shown only to its own customer (order, orders, placeOrder), so its links are that customer's.

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer the order was placed for.' })
  async customer(@Root() order: Order, @Ctx() ctx: PonteContext): Promise<Customer | null> {
    const facts = await ctx.loaders.customerContext.load(order.customerCode);
    return facts ? toCustomer(facts.customer) : null;
  }

  @FieldResolver(() => Destination, { nullable: true, description: "The customer's destination the order ships to; null for none (or shipTo) or one no longer known." })
  async destination(@Root() order: Order, @Ctx() ctx: PonteContext): Promise<Destination | null> {
    if (order.destinationId === null) return null;
    const destination = (await ctx.loaders.destinations.load(order.customerCode)).find((d) => d.id === order.destinationId);
    return destination ? toDestination(destination) : null;
  }

  @FieldResolver(() => [Document], {
    description:
      "Its documents (confirmation, delivery notes, invoices …), oldest first: the customer's documents whose orderReference is this order's id or its customerReference.",
  })
  async documents(@Root() order: Order, @Ctx() ctx: PonteContext): Promise<Document[]> {
    const rows = await ctx.loaders.orderDocuments.load({ customerCode: order.customerCode, inboxId: order.id, customerReference: order.customerReference });
    return rows.map(presentDocument);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'null when the article is unknown or no longer visible to the caller.' })
  async product(@Root() line: OrderLine, @Ctx() ctx: PonteContext): Promise<Product | null> {
    return visibleProduct(ctx, line.sku);
  }
}
