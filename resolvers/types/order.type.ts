import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, type DecimalInput } from '../../src/graphql/scalars';
import { OrderChannel, OrderStatus } from '../../src/orders/presentOrder';
import { Address } from './customer.type';
import { PageInfo } from './pageInfo.type';
import { OrderError, VatSummaryLine } from './quote.type';

registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'NEW when written to the order inbox; the ERP sets IMPORTED or REJECTED.',
});

registerEnumType(OrderChannel, {
  name: 'OrderChannel',
  description:
    'Where the order was placed: STOREFRONT (a customer, or a service for one), SALES_APP (an agent); OTHER for a channel only the ERP knows.',
});

@InputType()
export class AddressInput {
  @Field()
  name!: string;

  @Field()
  street!: string;

  @Field()
  postcode!: string;

  @Field()
  city!: string;

  @Field(() => String, { nullable: true })
  province?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country!: string;
}

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  sku!: string;

  @Field(() => DecimalScalar)
  quantity!: DecimalInput;

  @Field(() => DecimalScalar, { nullable: true, description: 'When given, must equal the current unit price, else PRICE_CHANGED.' })
  expectedUnitPrice?: DecimalInput | null;
}

@InputType()
export class PlaceOrderInput {
  @Field({ description: '1–100 characters; a retry with the same key and payload returns the same order.' })
  idempotencyKey!: string;

  @Field(() => [OrderLineInput])
  lines!: OrderLineInput[];

  @Field(() => ID, { nullable: true, description: "One of the acting customer's destinations, or" })
  destinationId?: string | null;

  @Field(() => AddressInput, { nullable: true, description: 'an address written in the order header.' })
  shipTo?: AddressInput | null;

  @Field(() => String, { nullable: true })
  customerReference?: string | null;

  @Field(() => DateScalar, { nullable: true })
  requestedDelivery?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@ObjectType()
export class OrderLine {
  @Field(() => Int)
  lineNo!: number;

  @Field(() => ID)
  sku!: string;

  @Field(() => DecimalScalar)
  quantity!: string;

  @Field(() => DecimalScalar, { nullable: true })
  listPrice!: string | null;

  @Field(() => DecimalScalar)
  unitPrice!: string;

  @Field(() => [DecimalScalar])
  discounts!: string[];

  @Field(() => DecimalScalar)
  lineTotal!: string;

  @Field(() => DecimalScalar)
  vatRate!: string;
}

@ObjectType({ description: 'An order placed through Ponte, as written to the order inbox and updated by the ERP.' })
export class Order {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => String, { nullable: true, description: 'Set by the ERP on import.' })
  erpOrderNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'The reason, when REJECTED.' })
  erpMessage!: string | null;

  @Field()
  customerCode!: string;

  @Field(() => String, { nullable: true, description: 'Set when an agent placed the order.' })
  agentCode!: string | null;

  @Field(() => OrderChannel)
  channel!: OrderChannel;

  @Field(() => String, { nullable: true })
  customerReference!: string | null;

  @Field(() => ID, { nullable: true })
  destinationId!: string | null;

  @Field(() => Address, { nullable: true })
  shipTo!: Address | null;

  @Field(() => DateScalar, { nullable: true })
  requestedDelivery!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field()
  currency!: string;

  @Field(() => DecimalScalar, { description: 'As priced by Ponte when the order was placed.' })
  totalNet!: string;

  @Field(() => DecimalScalar)
  totalVat!: string;

  @Field(() => DecimalScalar)
  totalGross!: string;

  @Field(() => [VatSummaryLine])
  vatSummary!: VatSummaryLine[];

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => [OrderLine])
  lines!: OrderLine[];
}

@ObjectType({ description: 'errors non-empty ⇒ nothing was written.' })
export class PlaceOrderResult {
  @Field(() => Order, { nullable: true })
  order!: Order | null;

  @Field(() => [OrderError])
  errors!: OrderError[];
}

@ObjectType()
export class OrderEdge {
  @Field()
  cursor!: string;

  @Field(() => Order)
  node!: Order;
}

@ObjectType()
export class OrderConnection {
  @Field(() => [OrderEdge])
  edges!: OrderEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

