import { FieldResolver, Resolver, Root } from 'type-graphql';
import { formatPlain } from '../src/decimal/decimal';
import { computeTurn } from '../src/graphql/workBudget';
import { explainPrice } from '../src/pricing/explainPrice';
import { Price, PriceStep, PriceStepKind } from './types/price.type';

@Resolver(() => Price)
export class PriceResolver {
  @FieldResolver(() => [PriceStep], { description: 'The ordered steps that produced this price: "why is my price this?"' })
  async explanation(@Root() price: Price): Promise<PriceStep[]> {
    await computeTurn();
    return explainPrice(price.result).map((step) => ({
      ...step,
      kind: PriceStepKind[step.kind],
      value: step.value === null ? null : formatPlain(step.value),
    }));
  }
}
