/**
 * Ponte's cost analysis: an estimate of the work an operation asks for,
 * computed once the variables are known, and refused above `maxCost` with
 * QUERY_TOO_COMPLEX before any resolver runs.
 *
 * Why a plugin and not a validation rule: list sizes usually come in
 * variables (`quote(lines: $lines)`), which validation rules never see.
 * `didResolveOperation` has the document, the chosen operation and the
 * variables, and runs before execution.
 *
 * The cost model (units are "one object resolved once"):
 * - every selected field with a selection set costs 1, times the size of
 *   every list above it; leaf fields are free (they are read off an object
 *   already resolved);
 * - list sizes come from the arguments, as the resolvers cap them:
 *   `catalog`, `customers`, `documents`, `orders`: `first` (its default when
 *   absent, at most the page cap); `products`: the number of `skus`;
 *   `quote`: the number of `lines`; `placeOrder`: `input.lines`;
 *   `_entities`: the number of representations. Inside a quote or a placed
 *   order, the `lines` field repeats once per input line;
 * - lists whose size no argument tells are estimated: a document's or an
 *   order's `lines` 20, a document's `files` 3, a customer's `destinations` 5,
 *   an order's `documents` 5;
 * - expensive fields add a weight on top of their 1: `price` 4 (the pricing
 *   engine), `priceBreaks` 8 (one price per break), `explanation` 2,
 *   `availability` 2 (stock facts), and every quoted or ordered line 4 (it is
 *   priced and checked even when the response does not select it).
 *
 * With these weights the largest documented requests fit the default limit
 * of 10 000 with room to spare: 200 `products` with price, price breaks and
 * availability with warehouses (about 4 400), a catalog page of 100 with
 * prices, explanation, breaks and stock (about 2 400), a 500-line quote or
 * order with its lines, products and prices (about 3 500). 117 aliased
 * catalog pages of 100 cost about 260 000.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLSchema,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { requestRefused } from '../errors';
import { message } from '../messages/catalogue';

/** Connections: the default and the cap the resolvers apply to `first`. */
const PAGES: Record<string, { def: number; max: number }> = {
  catalog: { def: 24, max: 100 },
  customers: { def: 50, max: 100 },
  documents: { def: 20, max: 100 },
  orders: { def: 20, max: 100 },
};

/** Lists whose length no argument tells: an estimate of a typical size. */
const ESTIMATED_LISTS: Record<string, Record<string, number>> = {
  Document: { lines: 20, files: 3 },
  Order: { lines: 20, documents: 5 },
  Customer: { destinations: 5 },
};

/** Extra cost of fields that do real work beyond returning a value. */
const WEIGHTS: Record<string, Record<string, number>> = {
  Product: { price: 4, priceBreaks: 8, availability: 2 },
  Price: { explanation: 2 },
};

/** Work done per input line of a quote or an order (pricing and checks). */
export const LINE_WEIGHT = 4;

type Variables = Record<string, unknown> | undefined;

function argument(node: { arguments?: readonly { name: { value: string }; value: ValueNode }[] }, name: string, variables: Variables): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
}

function lengthOf(value: unknown): number {
  return Array.isArray(value) ? value.length : value === undefined || value === null ? 0 : 1;
}

function pageSize(first: unknown, page: { def: number; max: number }): number {
  if (typeof first !== 'number' || !Number.isFinite(first)) return page.def;
  return Math.max(0, Math.min(Math.trunc(first), page.max));
}

export interface OperationCost {
  cost: number;
}

/** The estimated cost of one operation with its variables (see the model above). */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Variables,
): number {
  const root =
    operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return 0;

  // `lineCount` carries the size of the quote or order being answered, for its `lines` field.
  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType, lineCount: number, seen: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += costOf(selection.selectionSet, typed ?? parent, lineCount, seen);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const typed = schema.getType(fragment.typeCondition.name.value) ?? parent;
        total += costOf(fragment.selectionSet, typed, lineCount, new Set([...seen, name]));
        continue;
      }
      const name = selection.name.value;
      const parentName = parent.name;
      let own = (selection.selectionSet ? 1 : 0) + (WEIGHTS[parentName]?.[name] ?? 0);
      let times = 1;
      let childLines = lineCount;
      if (parent === root) {
        const page = PAGES[name];
        if (page) times = pageSize(argument(selection, 'first', variables), page);
        if (name === 'products') times = lengthOf(argument(selection, 'skus', variables));
        if (name === '_entities') times = lengthOf(argument(selection, 'representations', variables));
        if (name === 'quote') childLines = lengthOf(argument(selection, 'lines', variables));
        if (name === 'placeOrder') {
          const input = argument(selection, 'input', variables) as { lines?: unknown } | undefined;
          childLines = lengthOf(input?.lines);
        }
        if (name === 'quote' || name === 'placeOrder') own += LINE_WEIGHT * childLines;
      } else if (name === 'lines' && (parentName === 'Quote' || (parentName === 'Order' && lineCount > 0))) {
        times = lineCount;
      } else {
        times = ESTIMATED_LISTS[parentName]?.[name] ?? 1;
      }
      let children = 0;
      if (selection.selectionSet && (isObjectType(parent) || isInterfaceType(parent))) {
        const field = parent.getFields()[name];
        const child = field ? getNamedType(field.type) : undefined;
        if (child) children = costOf(selection.selectionSet, child, childLines, seen);
      }
      total += own + times * children;
    }
    return total;
  };
  return costOf(operation.selectionSet, root, 0, new Set());
}

export interface CostLimitOptions {
  maxCost: number;
  /** Called with each admitted operation's cost: the per-principal cost budget charges it. */
  onAdmitted?: (cost: number, context: unknown) => Promise<void> | void;
}

export function costLimitPlugin(options: CostLimitOptions): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          const { document, operation, request, schema } = requestContext;
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          const cost = operationCost(schema, operation, fragments, request.variables);
          if (cost > options.maxCost) {
            throw requestRefused('QUERY_TOO_COMPLEX', message('limits.cost', { cost, max: options.maxCost }));
          }
          await options.onAdmitted?.(cost, requestContext.contextValue);
        },
      };
    },
  };
}
