import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { viewerRoleOf } from '../src/auth/viewerRole';
import type { PonteContext } from '../src/graphql/context';
import { Customer, toCustomer } from './types/customer.type';
import { Agent, toAgent, Viewer } from './types/viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who is calling (the role of the token), the agent it is, and the customer it acts for.' })
  viewer(@Ctx() ctx: PonteContext): Viewer {
    return { role: viewerRoleOf(ctx.principal) };
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The calling agent; null for any other role, or an agent code the ERP does not know.' })
  async agent(@Ctx() ctx: PonteContext): Promise<Agent | null> {
    if (ctx.principal.role !== 'agent') return null;
    const row = await ctx.loaders.agent.load(ctx.principal.agent);
    return row ? toAgent(row) : null;
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description: "The acting customer: a customer's own, or the one named by X-Acting-Customer; null when the caller acts for nobody.",
  })
  async actingCustomer(@Ctx() ctx: PonteContext): Promise<Customer | null> {
    const viewer = await ctx.viewer();
    return viewer.customer ? toCustomer(viewer.customer) : null;
  }
}
