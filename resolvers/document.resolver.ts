import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { actingCustomer } from '../src/auth/actingCustomer';
import { DocumentType, presentDocument, presentDocumentFile, presentDocumentLine, presentShipment } from '../src/documents/presentDocument';
import { connection } from '../src/graphql/connection';
import type { PonteContext } from '../src/graphql/context';
import { formatInZone } from '../src/settings/zonedDateTime';
import { decodeCursor, encodeCursor, pageSize } from '../src/graphql/cursor';
import { DateScalar, isCalendarDate } from '../src/graphql/scalars';
import { toDestination } from './types/customer.type';
import { Document, DocumentConnection, DocumentFile, DocumentLine, Shipment } from './types/document.type';
import { Product } from './types/product.type';
import { visibleProduct } from './visibleProduct';

const CURSOR = 'document';
export const MAX_DOCUMENT_PAGE = 100;

/** Newest first with ties by id: the cursor names both, so a page never skips a document dated like the last one. */
const isDatedKey = (key: string) => key.indexOf('|') === 10 && isCalendarDate(key.slice(0, 10));

function decodeDocumentCursor(after: string | null | undefined): { date: string; id: string } | null {
  const key = decodeCursor(CURSOR, after, isDatedKey);
  return key === null ? null : { date: key.slice(0, 10), id: key.slice(11) };
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentConnection, {
    nullable: true,
    description: "The acting customer's documents, newest first. Null, with the error, for a caller acting for no customer: the rest of the answer stands.",
  })
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
    return connection(rows, size, (r) => encodeCursor(CURSOR, `${r.date}|${r.id}`), presentDocument);
  }

  @Query(() => Document, { nullable: true, description: "A document of the acting customer; null for anyone else's." })
  async document(@Arg('id', () => ID) id: string, @Ctx() ctx: PonteContext): Promise<Document | null> {
    const customer = actingCustomer(ctx.principal, await ctx.viewer());
    const [row] = await ctx.erp.documentsById([id]);
    return row && row.customerCode === customer.code ? presentDocument(row) : null;
  }

  @FieldResolver(() => [DocumentLine])
  async lines(@Root() document: Document, @Ctx() ctx: PonteContext): Promise<DocumentLine[]> {
    return (await ctx.loaders.documentLines.load(document.id)).map(presentDocumentLine);
  }

  @FieldResolver(() => [DocumentFile])
  async files(@Root() document: Document, @Ctx() ctx: PonteContext): Promise<DocumentFile[]> {
    const [rows, settings] = await Promise.all([ctx.loaders.documentFiles.load(document.id), ctx.settings()]);
    return rows.map((f) => {
      const link = ctx.services.files.issue(f.id, document.customerCode, ctx.now);
      return { ...presentDocumentFile(f), url: link.url, expiresAt: formatInZone(link.expiresAt.getTime(), settings.timeZone) };
    });
  }

  @FieldResolver(() => Shipment, { nullable: true, description: 'Carrier and expected delivery (delivery notes).' })
  async shipment(@Root() document: Document, @Ctx() ctx: PonteContext): Promise<Shipment | null> {
    const { destinationId } = document.row;
    const [destinations, settings] = await Promise.all([
      destinationId === null ? [] : ctx.loaders.destinations.load(document.customerCode),
      ctx.settings(),
    ]);
    const destination = destinations.find((d) => d.id === destinationId);
    return presentShipment(document.row, destination ? toDestination(destination) : null, settings.timeZone);
  }
}

@Resolver(() => DocumentLine)
export class DocumentLineResolver {
  @FieldResolver(() => Product, { nullable: true, description: 'null for a line without an article, or one unknown or not visible to the caller.' })
  async product(@Root() line: DocumentLine, @Ctx() ctx: PonteContext): Promise<Product | null> {
    return visibleProduct(ctx, line.sku);
  }
}
