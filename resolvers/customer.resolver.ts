import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { listableCustomers } from '../src/auth/customerAccess';
import { connection } from '../src/graphql/connection';
import type { PonteContext } from '../src/graphql/context';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { optionalFilter } from '../src/graphql/arguments';
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

  @Query(() => CustomerConnection, {
    nullable: true,
    description: 'Agent: the customers it follows; service: all customers. Null, with the error, for anyone else: the rest of the answer stands.',
  })
  async customers(
    @Ctx() ctx: PonteContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
  ): Promise<CustomerConnection> {
    const { agentCode } = listableCustomers(ctx.principal);
    const size = pageSize(first, 50, MAX_CUSTOMER_PAGE);
    const rows = await ctx.erp.customersPage({
      agentCode,
      after: decodeCursor(CURSOR, after),
      search: optionalFilter(search, 'search'),
      limit: size + 1,
    });
    return connection(rows, size, (r) => encodeCursor(CURSOR, r.code), toCustomer);
  }

  @FieldResolver(() => [Destination])
  async destinations(@Root() customer: Customer, @Ctx() ctx: PonteContext): Promise<Destination[]> {
    const rows = await ctx.loaders.destinations.load(customer.code);
    return rows.map(toDestination);
  }
}
