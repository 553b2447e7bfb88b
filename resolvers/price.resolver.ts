import { FieldResolver, Resolver, Root } from 'type-graphql';
import { formatPlain } from '../src/decimal/decimal';
import { explainPrice } from '../src/pricing/explainPrice';
import { Price, PriceStep, PriceStepKind } from './types/price.type';

@Resolver(() => Price)
export class PriceResolver {
  @FieldResolver(() => [PriceStep], { description: 'The ordered steps that produced this price: "why is my price this?"' })
  explanation(@Root() price: Price): PriceStep[] {
    return explainPrice(price.result).map((step) => ({
      ...step,
      kind: PriceStepKind[step.kind],
      value: step.value === null ? null : formatPlain(step.value),
    }));
  }
}
