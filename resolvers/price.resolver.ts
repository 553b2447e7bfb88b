import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PonteContext } from '../src/graphql/context';
import { computeTurn } from '../src/graphql/workBudget';
import { explainPrice } from '../src/pricing/explainPrice';
import { Price, PriceStep } from './types/price.type';

@Resolver(() => Price)
export class PriceResolver {
  @FieldResolver(() => [PriceStep], { description: 'The ordered steps that produced this price: "why is my price this?"' })
  async explanation(@Root() price: Price, @Ctx() ctx: PonteContext): Promise<PriceStep[]> {
    await computeTurn(ctx.erpScope);
    return explainPrice(price.result, await ctx.language());
  }
}
