/**
 * Builds the executable schema: type-graphql classes and resolvers, turned
 * into an Apollo Federation 2 subgraph (Product and Customer are entities).
 */
import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { CustomerResolver } from '../../resolvers/customer.resolver';
import { referenceResolvers } from '../../resolvers/entities';
import { DocumentResolver } from '../../resolvers/document.resolver';
import { OrderResolver } from '../../resolvers/order.resolver';
import { PriceResolver } from '../../resolvers/price.resolver';
import { QuoteResolver } from '../../resolvers/quote.resolver';
import { ProductResolver } from '../../resolvers/product.resolver';

export const RESOLVERS = [ProductResolver, PriceResolver, CustomerResolver, QuoteResolver, OrderResolver, DocumentResolver] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The schema is the same for every server in the process; build it once. */
export function buildPonteSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema({ resolvers: [...RESOLVERS], validate: false });
    const resolverMap = createResolversMap(schema) as Record<string, Record<string, unknown>>;
    for (const [type, fields] of Object.entries(referenceResolvers)) {
      resolverMap[type] = { ...(resolverMap[type] ?? {}), ...fields };
    }
    return buildSubgraphSchema({
      typeDefs: gql`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
        ${printSchemaWithDirectives(schema)}
      `,
      resolvers: resolverMap as never,
    });
  })();
  return built;
}

/** The SDL checked in as schema/schema.graphql. */
export async function printPonteSchema(): Promise<string> {
  return `${printSubgraphSchema(await buildPonteSchema()).trim()}\n`;
}
