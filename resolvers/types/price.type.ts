import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Decimal } from '../../src/decimal/decimal';
import { DecimalScalar } from '../../src/graphql/scalars';
import { type PriceResult, PriceSource } from '../../src/pricing/computePrice';
import { PriceStepKind } from '../../src/pricing/explainPrice';
import type { PriceView } from '../../src/pricing/presentPrice';

registerEnumType(PriceSource, { name: 'PriceSource', description: 'Where the base price came from.' });

registerEnumType(PriceStepKind, { name: 'PriceStepKind' });

@ObjectType({ description: 'One step of how a price was reached, in order.' })
export class PriceStep {
  @Field(() => PriceStepKind)
  kind!: PriceStepKind;

  @Field({ description: "A sentence a sales agent can read to the customer, in the caller's language (Accept-Language, else ecom_settings.language)." })
  description!: string;

  @Field(() => ID, { nullable: true, description: 'The condition this step came from.' })
  conditionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The price list this step came from.' })
  priceList!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The running amount after this step (exact, before the final rounding).' })
  value!: Decimal | null;
}

@ObjectType({ description: 'A unit price for the acting customer (erp-contract.md, pricing rules).' })
export class Price {
  @Field(() => DecimalScalar)
  quantity!: string;

  @Field()
  currency!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'null when no price list item applies.' })
  listPrice!: string | null;

  @Field(() => DecimalScalar)
  basePrice!: string;

  @Field(() => [DecimalScalar], { description: 'Percent discounts applied, in order, e.g. ["10", "5"].' })
  discounts!: string[];

  @Field(() => DecimalScalar, { description: 'VAT excluded, 4 decimals.' })
  unitPrice!: string;

  @Field(() => DecimalScalar, { description: 'unitPrice × (1 + vatRate/100), half-up to 2 decimals.' })
  unitPriceWithVat!: string;

  @Field(() => DecimalScalar, { description: 'unitPrice × quantity, half-up to 2 decimals.' })
  lineTotal!: string;

  @Field(() => PriceSource)
  source!: PriceSource;

  @Field(() => ID, { nullable: true, description: 'The price winner, if any.' })
  conditionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The discount winner, if its discounts were applied.' })
  discountConditionId!: string | null;

  /** The engine's result, for the explanation field resolver. Not exposed. */
  result!: PriceResult;
}

/** A presented price as the GraphQL type: the one path for product.price and quote lines alike. */
export function toPrice(view: PriceView): Price {
  return Object.assign(new Price(), view);
}

@ObjectType()
export class PriceBreak {
  @Field(() => DecimalScalar)
  minQuantity!: string;

  @Field(() => DecimalScalar)
  unitPrice!: string;
}
