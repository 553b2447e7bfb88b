/**
 * Builds the executable schema: type-graphql classes and resolvers, turned
 * into an Apollo Federation 2 subgraph (Product and Customer are entities).
 *
 * buildSubgraphSchema takes SDL, so the type-graphql schema is printed and
 * parsed again. Parsing reads every argument default before the resolver
 * map gives the custom scalars their parse functions: `price(quantity:
 * Decimal = "1")` would reach its resolver as the string "1".
 * withTypedDefaults reads the defaults again, through the final types.
 */
import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLArgument, type GraphQLInputField, type GraphQLSchema, isInputObjectType, isObjectType, valueFromAST } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { CustomerResolver } from '../../resolvers/customer.resolver';
import { referenceResolvers } from '../../resolvers/entities';
import { DocumentLineResolver, DocumentResolver } from '../../resolvers/document.resolver';
import { OrderLineResolver, OrderResolver } from '../../resolvers/order.resolver';
import { ViewerResolver } from '../../resolvers/viewer.resolver';
import { PriceResolver } from '../../resolvers/price.resolver';
import { QuoteResolver } from '../../resolvers/quote.resolver';
import { ProductResolver } from '../../resolvers/product.resolver';
import { StatsResolver } from '../../resolvers/stats.resolver';

import { CatalogFacetsResolver } from '../../resolvers/catalogFacets.resolver';

export const RESOLVERS = [
  ProductResolver,
  CatalogFacetsResolver,
  PriceResolver,
  CustomerResolver,
  ViewerResolver,
  QuoteResolver,
  OrderResolver,
  OrderLineResolver,
  DocumentResolver,
  DocumentLineResolver,
  StatsResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

/** The schema is the same for every server in the process; build it once. */
export function buildPonteSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema({ resolvers: [...RESOLVERS], validate: false });
    const resolverMap = createResolversMap(schema) as Record<string, Record<string, unknown>>;
    for (const [type, fields] of Object.entries(referenceResolvers)) {
      resolverMap[type] = { ...(resolverMap[type] ?? {}), ...fields };
    }
    return withTypedDefaults(
      buildSubgraphSchema({
        typeDefs: gql`
          extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
          ${printSchemaWithDirectives(schema)}
        `,
        resolvers: resolverMap as never,
      }),
    );
  })();
  return built;
}

/**
 * Replaces each argument's and input field's default with its SDL literal
 * parsed by the final type (a Decimal default becomes a Decimal), in place.
 * A default its own type refuses is a bug in a resolver: the build fails.
 */
export function withTypedDefaults(schema: GraphQLSchema): GraphQLSchema {
  const retype = (where: string, input: GraphQLArgument | GraphQLInputField) => {
    const literal = input.astNode?.defaultValue;
    if (!literal) return;
    const value = valueFromAST(literal, input.type);
    if (value === undefined) throw new Error(`${where}: the default does not parse as ${String(input.type)}.`);
    input.defaultValue = value;
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) retype(`${type.name}.${field.name}(${arg.name})`, arg);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) retype(`${type.name}.${field.name}`, field);
    }
  }
  return schema;
}

/** The SDL checked in as schema/schema.graphql. */
export async function printPonteSchema(): Promise<string> {
  return `${printSubgraphSchema(await buildPonteSchema()).trim()}\n`;
}
