import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badUserInput, forbidden, unauthenticated } from '../src/errors';
import type { PonteContext } from '../src/graphql/context';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { Customer, CustomerConnection, Destination, toCustomer, toDestination } from './types/customer.type';

const CURSOR = 'customer';
export const MAX_CUSTOMER_PAGE = 100;

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'The acting customer; null for anonymous callers and agents acting for nobody.' })
  async me(@Ctx() ctx: PonteContext): Promise<Customer | null> {
    const viewer = await ctx.viewer();
    return viewer.customer ? toCustomer(viewer.customer) : null;
  }

  @Query(() => CustomerConnection, { description: 'Agent: the customers it follows; service: all customers.' })
  async customers(
    @Ctx() ctx: PonteContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): Promise<CustomerConnection> {
    const principal = ctx.principal;
    if (principal.role === 'anonymous') throw unauthenticated();
    if (principal.role === 'customer') throw forbidden('Customers cannot list customers.');
    const size = pageSize(first, 50, MAX_CUSTOMER_PAGE);
    const trimmed = search?.trim() ?? '';
    if (trimmed.length > 100) throw badUserInput('search: at most 100 characters.');
    const rows = await ctx.erp.customersPage({
      agentCode: principal.role === 'agent' ? principal.agent : null,
      after: decodeCursor(CURSOR, after),
      search: trimmed === '' ? null : trimmed,
      limit: size + 1,
    });
    const edges = rows.slice(0, size).map((r) => ({ cursor: encodeCursor(CURSOR, r.code), node: toCustomer(r) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    };
  }

  @FieldResolver(() => [Destination])
  async destinations(@Root() customer: Customer, @Ctx() ctx: PonteContext): Promise<Destination[]> {
    const rows = await ctx.loaders.destinations.load(customer.code);
    return rows.map(toDestination);
  }
}
