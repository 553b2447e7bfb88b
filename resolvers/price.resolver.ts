import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PonteContext } from '../src/graphql/context';
import { formatPlain } from '../src/decimal/decimal';
import { computeTurn } from '../src/graphql/workBudget';
import { explainPrice } from '../src/pricing/explainPrice';
import { Price, PriceStep, PriceStepKind } from './types/price.type';

@Resolver(() => Price)
export class PriceResolver {
  @FieldResolver(() => [PriceStep], { description: 'The ordered steps that produced this price: "why is my price this?"' })
  async explanation(@Root() price: Price, @Ctx() ctx: PonteContext): Promise<PriceStep[]> {
    await computeTurn(ctx.erpScope);
    return explainPrice(price.result).map((step) => ({
      ...step,
      kind: PriceStepKind[step.kind],
      value: step.value === null ? null : formatPlain(step.value),
    }));
  }
}
