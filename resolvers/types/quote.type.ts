import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DecimalInput } from '../../src/graphql/scalars';
import { DecimalScalar } from '../../src/graphql/scalars';
import { OrderErrorCode } from '../../src/orders/orderProblems';
import { Price } from './price.type';
import { Product } from './product.type';

registerEnumType(OrderErrorCode, { name: 'OrderErrorCode' });

@ObjectType({ description: 'Why an order cannot be placed (or a quoted cart could not be).' })
export class OrderError {
  @Field(() => OrderErrorCode)
  code!: OrderErrorCode;

  @Field({ description: "For the customer, in the caller's language (Accept-Language, else ecom_settings.language); the code is the same in every language." })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'The 0-based index of the offending line; null for the whole order.' })
  lineIndex!: number | null;
}

@InputType()
export class QuoteLineInput {
  @Field(() => ID)
  sku!: string;

  @Field(() => DecimalScalar)
  quantity!: DecimalInput;
}

@ObjectType()
export class QuoteLine {
  @Field(() => Int)
  lineIndex!: number;

  @Field(() => ID)
  sku!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'null when the quantity sent is not a number.' })
  quantity!: string | null;

  @Field(() => Product, { nullable: true, description: 'null when the product is unknown.' })
  product!: Product | null;

  @Field(() => Price, { nullable: true, description: 'null when there is no price for this line.' })
  price!: Price | null;

  @Field(() => DecimalScalar, { nullable: true })
  vatRate!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'unitPrice × quantity, half-up to 2 decimals.' })
  lineTotal!: string | null;
}

@ObjectType({ description: 'VAT summary per rate: taxable = sum of line totals; vat = taxable × rate / 100, half-up to 2 decimals.' })
export class VatSummaryLine {
  @Field(() => DecimalScalar)
  rate!: string;

  @Field(() => DecimalScalar)
  taxable!: string;

  @Field(() => DecimalScalar)
  vat!: string;
}

@ObjectType()
export class Quote {
  @Field()
  currency!: string;

  @Field(() => [QuoteLine])
  lines!: QuoteLine[];

  @Field(() => [VatSummaryLine])
  vatSummary!: VatSummaryLine[];

  @Field(() => DecimalScalar)
  totalNet!: string;

  @Field(() => DecimalScalar)
  totalVat!: string;

  @Field(() => DecimalScalar)
  totalGross!: string;

  @Field(() => [OrderError], { description: 'What placeOrder would refuse, line by line.' })
  problems!: OrderError[];
}
