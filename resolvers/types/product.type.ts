import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, erpDecimal, ONE, ZERO } from '../../src/decimal/decimal';
import type { ArticleRow } from '../../src/erp/port';
import { DecimalScalar } from '../../src/graphql/scalars';
import { PageInfo } from './pageInfo.type';

@Directive('@key(fields: "sku")')
@ObjectType({ description: 'An article as the ERP knows it, visible to the caller.' })
export class Product {
  @Field(() => ID)
  sku!: string;

  @Field({
    description:
      "The ERP's internal description, written for the warehouse. Customer-facing copy (title, description, SEO) belongs to a content subgraph: the names are left free for it.",
  })
  erpDescription!: string;

  @Field()
  unit!: string;

  @Field(() => String, { nullable: true })
  family!: string | null;

  @Field(() => DecimalScalar)
  vatRate!: Decimal;

  @Field(() => DecimalScalar, { description: 'Order quantities must be a multiple of this.' })
  packQuantity!: Decimal;

  @Field(() => DecimalScalar)
  minOrderQuantity!: Decimal;

  /** The ERP row, for field resolvers (price, availability). Not exposed. */
  article!: ArticleRow;
}

export function toProduct(article: ArticleRow): Product {
  const product = new Product();
  product.sku = article.sku;
  product.erpDescription = article.description;
  product.unit = article.unit;
  product.family = article.familyCode;
  product.vatRate = erpDecimal(article.vatRate, ZERO);
  product.packQuantity = erpDecimal(article.packQty, ONE);
  product.minOrderQuantity = erpDecimal(article.minOrderQty, ZERO);
  product.article = article;
  return product;
}

@ObjectType()
export class ProductEdge {
  @Field()
  cursor!: string;

  @Field(() => Product)
  node!: Product;
}

@ObjectType({ description: 'A family with articles the caller may see among the current search results.' })
export class FamilyFacet {
  @Field()
  code!: string;

  @Field({ description: 'From the ERP (ecom_families); the code where the ERP names the family nowhere.' })
  name!: string;

  @Field(() => Int, { description: 'Articles of this family matching the search that the caller may see.' })
  count!: number;
}

@ObjectType()
export class ProductConnection {
  @Field(() => [ProductEdge])
  edges!: ProductEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** The search and family asked, for totalCount and families (resolved only when selected). Not exposed. */
  query!: { terms: readonly string[]; family: string | null };
}
