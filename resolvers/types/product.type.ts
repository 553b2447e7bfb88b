import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Decimal, erpDecimal, ONE, ZERO } from '../../src/decimal/decimal';
import type { ArticleRow } from '../../src/erp/port';
import { firstOrderableQuantity } from '../../src/graphql/quantityArguments';
import { DecimalScalar } from '../../src/graphql/scalars';
import { type OrderRules, orderRulesOf, quantityStep } from '../../src/orders/orderableQuantity';
import { PageInfo } from './pageInfo.type';

@Directive('@key(fields: "sku")')
@ObjectType({ description: 'An article as the ERP knows it, visible to the caller.' })
export class Product {
  @Field(() => ID, {
    description:
      "The sku: unique among products and stable, so Apollo Client's default cache key (Product:<sku>) needs no keyFields. Federation's key stays sku.",
  })
  id!: string;

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

  @Field(() => DecimalScalar, {
    description: 'The distance between two orderable quantities: packQuantity, or 0.001 (any quantity) when the ERP sets no pack (0).',
  })
  quantityStep!: Decimal;

  @Field(() => DecimalScalar, {
    description: 'The smallest quantity placeOrder accepts: the first multiple of the pack at or above minOrderQuantity. The default quantity of price.',
  })
  minimumQuantity!: Decimal;

  /** The ERP row, for field resolvers (price, availability). Not exposed. */
  article!: ArticleRow;

  /** Pack and minimum, read once, for the quantity fields. Not exposed. */
  rules!: OrderRules;
}

export function toProduct(article: ArticleRow): Product {
  const product = new Product();
  product.id = article.sku;
  product.sku = article.sku;
  product.erpDescription = article.description;
  product.unit = article.unit;
  product.family = article.familyCode;
  product.vatRate = erpDecimal(article.vatRate, ZERO);
  product.packQuantity = erpDecimal(article.packQty, ONE);
  product.minOrderQuantity = erpDecimal(article.minOrderQty, ZERO);
  product.article = article;
  product.rules = orderRulesOf(article);
  product.quantityStep = quantityStep(product.rules);
  product.minimumQuantity = firstOrderableQuantity(product.rules);
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
