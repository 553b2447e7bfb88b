import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { actingCustomer } from '../src/auth/actingCustomer';
import { erpDecimal, ZERO } from '../src/decimal/decimal';
import type { DocumentRow } from '../src/erp/port';
import { badUserInput } from '../src/errors';
import type { PonteContext } from '../src/graphql/context';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { DateScalar, isCalendarDate } from '../src/graphql/scalars';
import { toDestination } from './types/customer.type';
import { Document, DocumentConnection, DocumentFile, DocumentLine, DocumentType, Shipment } from './types/document.type';

const CURSOR = 'document';
export const MAX_DOCUMENT_PAGE = 100;

function toDocument(row: DocumentRow): Document & { row: DocumentRow } {
  return {
    id: row.id,
    type: (DocumentType as Record<string, DocumentType>)[row.type] ?? DocumentType.OTHER,
    number: row.number,
    date: row.date,
    currency: row.currency,
    totalNet: row.totalNet,
    totalVat: row.totalVat,
    totalGross: row.totalGross,
    dueDate: row.dueDate,
    paid: row.paid,
    orderReference: row.orderReference,
    customerCode: row.customerCode,
    row,
  };
}

function decodeDocumentCursor(after: string | null | undefined): { date: string; id: string } | null {
  const text = decodeCursor(CURSOR, after);
  if (text === null) return null;
  const sep = text.indexOf('|');
  const date = text.slice(0, sep);
  if (sep !== 10 || !isCalendarDate(date)) throw badUserInput('after: not a valid cursor.');
  return { date, id: text.slice(sep + 1) };
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentConnection, { description: "The acting customer's documents, newest first." })
  async documents(
    @Ctx() ctx: PonteContext,
    @Arg('type', () => DocumentType, { nullable: true }) type?: DocumentType | null,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<DocumentConnection> {
    const customer = actingCustomer(ctx.principal, await ctx.viewer());
    const size = pageSize(first, 20, MAX_DOCUMENT_PAGE);
    const rows = await ctx.erp.documentsPage({
      customerCode: customer.code,
      type: type ?? null,
      from: from ?? null,
      to: to ?? null,
      before: decodeDocumentCursor(after),
      limit: size + 1,
    });
    const edges = rows.slice(0, size).map((r) => ({ cursor: encodeCursor(CURSOR, `${r.date}|${r.id}`), node: toDocument(r) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    };
  }

  @Query(() => Document, { nullable: true, description: "A document of the acting customer; null for anyone else's." })
  async document(@Arg('id', () => ID) id: string, @Ctx() ctx: PonteContext): Promise<Document | null> {
    const customer = actingCustomer(ctx.principal, await ctx.viewer());
    const [row] = await ctx.erp.documentsById([id]);
    return row && row.customerCode === customer.code ? toDocument(row) : null;
  }

  @FieldResolver(() => [DocumentLine])
  async lines(@Root() document: Document, @Ctx() ctx: PonteContext): Promise<DocumentLine[]> {
    const rows = await ctx.loaders.documentLines.load(document.id);
    return rows.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      discounts: [l.discount1, l.discount2, l.discount3].filter((d): d is string => d !== null && !erpDecimal(d, ZERO).isZero()),
      lineTotal: l.lineTotal,
      vatRate: l.vatRate,
    }));
  }

  @FieldResolver(() => [DocumentFile])
  async files(@Root() document: Document, @Ctx() ctx: PonteContext): Promise<DocumentFile[]> {
    const rows = await ctx.loaders.documentFiles.load(document.id);
    return rows.map((f) => ({ ...f, url: ctx.services.files.link(f.id, document.customerCode, ctx.now) }));
  }

  @FieldResolver(() => Shipment, { nullable: true, description: 'Carrier and expected delivery (delivery notes).' })
  async shipment(@Root() document: Document & { row: DocumentRow }, @Ctx() ctx: PonteContext): Promise<Shipment | null> {
    const r = document.row;
    if (r.carrier === null && r.trackingNumber === null && r.shippedAt === null && r.expectedDelivery === null && r.destinationId === null) {
      return null;
    }
    const destinations = r.destinationId === null ? [] : await ctx.loaders.destinations.load(document.customerCode);
    const destination = destinations.find((d) => d.id === r.destinationId);
    return {
      carrier: r.carrier,
      trackingNumber: r.trackingNumber,
      shippedAt: r.shippedAt,
      expectedDelivery: r.expectedDelivery,
      destinationId: r.destinationId,
      destination: destination ? toDestination(destination) : null,
    };
  }
}
