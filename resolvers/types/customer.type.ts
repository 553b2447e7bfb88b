import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { CustomerRow, DestinationRow } from '../../src/erp/port';
import { PageInfo } from './pageInfo.type';

@ObjectType()
export class Address {
  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  street!: string | null;

  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  province!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  country!: string | null;
}

@ObjectType({ description: 'A shipping destination (destinazione diversa) of the customer.' })
export class Destination {
  @Field(() => ID)
  id!: string;

  @Field(() => Address)
  address!: Address;

  @Field()
  isDefault!: boolean;
}

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A customer master record (anagrafica), billing side.' })
export class Customer {
  @Field(() => ID)
  code!: string;

  @Field()
  companyName!: string;

  @Field(() => String, { nullable: true, description: 'Partita IVA.' })
  vatNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Codice fiscale.' })
  taxCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Codice destinatario for e-invoices.' })
  sdiCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Certified e-mail (PEC).' })
  pec!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Address)
  billingAddress!: Address;

  @Field(() => String, { nullable: true })
  priceList!: string | null;

  @Field(() => String, { nullable: true })
  group!: string | null;

  @Field(() => String, { nullable: true })
  paymentTerms!: string | null;

  @Field({ description: 'A blocked customer may browse but may not order.' })
  blocked!: boolean;

  @Field(() => String, { nullable: true, description: 'The sales agent who follows the customer.' })
  agent!: string | null;
}

export function toCustomer(row: CustomerRow): Customer {
  return Object.assign(new Customer(), {
    code: row.code,
    companyName: row.companyName,
    vatNumber: row.vatNumber,
    taxCode: row.taxCode,
    sdiCode: row.sdiCode,
    pec: row.pec,
    email: row.email,
    phone: row.phone,
    billingAddress: {
      name: row.companyName,
      street: row.street,
      postcode: row.postcode,
      city: row.city,
      province: row.province,
      country: row.country,
    },
    priceList: row.priceListCode,
    group: row.group,
    paymentTerms: row.paymentTerms,
    blocked: row.blocked,
    agent: row.agentCode,
  });
}

export function toDestination(row: DestinationRow): Destination {
  return {
    id: row.id,
    isDefault: row.isDefault,
    address: {
      name: row.name,
      street: row.street,
      postcode: row.postcode,
      city: row.city,
      province: row.province,
      country: row.country,
    },
  };
}

@ObjectType()
export class CustomerEdge {
  @Field()
  cursor!: string;

  @Field(() => Customer)
  node!: Customer;
}

@ObjectType()
export class CustomerConnection {
  @Field(() => [CustomerEdge])
  edges!: CustomerEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
