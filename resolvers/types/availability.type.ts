import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Decimal } from '../../src/decimal/decimal';
import { DateScalar, DecimalScalar } from '../../src/graphql/scalars';
import { StockStatus } from '../../src/stock/availability';

registerEnumType(StockStatus, {
  name: 'StockStatus',
  description:
    'IN_STOCK when available >= low_stock_threshold; LOW_STOCK when 0 < available < threshold; BACKORDER when available = 0 and something is incoming; OUT_OF_STOCK otherwise.',
});

@ObjectType({ description: 'Stock of one web-enabled warehouse.' })
export class WarehouseStock {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => DecimalScalar)
  onHand!: Decimal;

  @Field(() => DecimalScalar)
  committed!: Decimal;

  @Field(() => DecimalScalar, { description: 'max(0, onHand - committed)' })
  available!: Decimal;
}

@ObjectType({ description: 'The earliest expected supplier delivery in web-enabled warehouses.' })
export class Arrival {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Summed for that date; null for anonymous callers.' })
  quantity!: Decimal | null;
}

@ObjectType()
export class Availability {
  @Field(() => StockStatus)
  status!: StockStatus;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Sum over web-enabled warehouses of max(0, on_hand - committed); null for anonymous callers.',
  })
  available!: Decimal | null;

  @Field(() => [WarehouseStock], { description: 'Web-enabled warehouses holding the article; empty for anonymous callers.' })
  warehouses!: WarehouseStock[];

  @Field(() => Arrival, { nullable: true })
  nextArrival!: Arrival | null;
}
