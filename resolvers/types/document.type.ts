import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DocumentFileKind, DocumentType } from '../../src/documents/presentDocument';
import type { DocumentRow } from '../../src/erp/port';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../src/graphql/scalars';
import { Destination } from './customer.type';
import { PageInfo } from './pageInfo.type';

registerEnumType(DocumentType, { name: 'DocumentType' });
registerEnumType(DocumentFileKind, { name: 'DocumentFileKind', description: 'OTHER too for a kind the ERP adds that Ponte does not know.' });

@ObjectType()
export class DocumentLine {
  @Field(() => Int)
  lineNo!: number;

  @Field(() => ID, { nullable: true })
  sku!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  quantity!: string | null;

  @Field(() => String, { nullable: true })
  unit!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  unitPrice!: string | null;

  @Field(() => [DecimalScalar])
  discounts!: string[];

  @Field(() => DecimalScalar, { nullable: true })
  lineTotal!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  vatRate!: string | null;
}

@ObjectType()
export class DocumentFile {
  @Field(() => ID)
  id!: string;

  @Field(() => DocumentFileKind)
  kind!: DocumentFileKind;

  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int, { description: 'Bytes.' })
  size!: number;

  @Field({
    description:
      'A short-lived signed link to GET /files/{id} that streams the bytes: absolute when the server has PUBLIC_BASE_URL, relative to the API otherwise. Valid until expiresAt.',
  })
  url!: string;

  @Field(() => DateTimeScalar, { description: 'When the link in url stops working; ask for the document again for a fresh one.' })
  expiresAt!: string;
}

@ObjectType({ description: 'Delivery details of a delivery note (DDT).' })
export class Shipment {
  @Field(() => String, { nullable: true })
  carrier!: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "The ERP's local time, with the offset of its zone." })
  shippedAt!: string | null;

  @Field(() => DateScalar, { nullable: true })
  expectedDelivery!: string | null;

  @Field(() => ID, { nullable: true })
  destinationId!: string | null;

  @Field(() => Destination, { nullable: true })
  destination!: Destination | null;
}

@ObjectType({ description: "A document in the customer's reserved area." })
export class Document {
  @Field(() => ID)
  id!: string;

  @Field(() => DocumentType)
  type!: DocumentType;

  @Field()
  number!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field()
  currency!: string;

  @Field(() => DecimalScalar, { nullable: true })
  totalNet!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  totalVat!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  totalGross!: string | null;

  @Field(() => DateScalar, { nullable: true })
  dueDate!: string | null;

  @Field(() => Boolean, { nullable: true })
  paid!: boolean | null;

  @Field(() => String, { nullable: true })
  orderReference!: string | null;

  /** The owner, for field resolvers. Not exposed. */
  customerCode!: string;

  /** The ERP row, for the shipment field resolver. Not exposed. */
  row!: DocumentRow;
}

@ObjectType()
export class DocumentEdge {
  @Field()
  cursor!: string;

  @Field(() => Document)
  node!: Document;
}

@ObjectType()
export class DocumentConnection {
  @Field(() => [DocumentEdge])
  edges!: DocumentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
