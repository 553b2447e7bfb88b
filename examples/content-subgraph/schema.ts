/**
 * The content subgraph's schema: Federation 2, Product keyed by sku like
 * Ponte's, contributing only the fields the content team owns. Ponte owns
 * every other Product field (price, availability, erpDescription, vatRate …);
 * defining one of them here too would fail composition (INVALID_FIELD_SHARING).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import type { ContentCatalog } from './catalog';

/*
 * Rules for content subgraphs, both because a null propagates up to the
 * nearest nullable parent:
 * 1. Lists of Product have nullable items. Ponte's _entities answers null
 *    for a sku the viewer may not see; with [Product!]! that one sku would
 *    null the whole list, with [Product]! only its item.
 * 2. Every field added to Product is nullable, lists included. When this
 *    subgraph is down, slow, or has no content for a sku, a gateway leaves
 *    its fields null; one non-null content field (images: [Image!]!) would
 *    then null the whole Product, Ponte's price and stock with it.
 */
export const CONTENT_TYPE_DEFS: DocumentNode = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  "Storefront copy for an article; price, stock and visibility come from Ponte."
  type Product @key(fields: "sku") {
    "Ponte's key, the ERP sku: same type as in Ponte (ID!), or composition fails."
    sku: ID!
    "Customer-facing title."
    title: String
    "Two or three sentences for the product page."
    description: String
    "Unique, lowercase ASCII; the page URL."
    slug: String
    "Nullable like every content field: see the rules above."
    images: [Image!]
    "At most 60 characters."
    seoTitle: String
    "At most 155 characters."
    seoDescription: String
  }

  type Image {
    url: String!
    "Italian alternative text."
    alt: String!
    width: Int
    height: Int
  }

  type Query {
    productBySlug(slug: String!): Product
    "The same block on every run; first is capped at 50. Items are nullable: see the rule for content subgraphs."
    featuredProducts(first: Int = 8): [Product]!
  }
`;

export function buildContentSchema(catalog: ContentCatalog): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: CONTENT_TYPE_DEFS,
    resolvers: {
      Query: {
        productBySlug: (_: unknown, args: { slug: string }) => catalog.bySlug(args.slug),
        featuredProducts: (_: unknown, args: { first: number }) => {
          if (!Number.isInteger(args.first) || args.first < 0) {
            throw new GraphQLError('first must be a non-negative integer', { extensions: { code: 'BAD_USER_INPUT' } });
          }
          return catalog.featured(args.first);
        },
      },
      Product: {
        // Null, not an error, for a sku without content: the storefront still
        // shows Ponte's fields for it, with the content fields empty.
        __resolveReference: (reference: { sku: string }) => catalog.bySku(reference.sku),
      },
    },
  });
}
