/**
 * The federation surface, guarded before execution:
 * - `_service { sdl }` prints the whole schema, internal fields included; it
 *   is for the gateway, which calls with a service token. Anonymous callers
 *   get UNAUTHENTICATED, customers and agents FORBIDDEN.
 * - `_entities` with a `__typename` this subgraph does not resolve is a
 *   client mistake (UNKNOWN_ENTITY_TYPE), not the internal error the
 *   federation library would raise while executing.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, isUnionType, Kind, type SelectionSetNode, valueFromASTUntyped } from 'graphql';
import { requestRefused } from '../errors';
import type { PonteContext } from './context';
import { message } from '../messages/catalogue';

/** The root fields of a selection, fragments included (their depth is bounded by validation). */
function rootFields(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, seen = new Set<string>()) {
  const fields: Array<Extract<SelectionSetNode['selections'][number], { kind: Kind.FIELD }>> = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...rootFields(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...rootFields(fragment.selectionSet, fragments, seen));
    }
  }
  return fields;
}

export function subgraphGuardPlugin(): ApolloServerPlugin<PonteContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema, contextValue }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          const entityType = schema.getType('_Entity');
          const entityNames = new Set(isUnionType(entityType) ? entityType.getTypes().map((t) => t.name) : []);
          for (const field of rootFields(operation.selectionSet, fragments)) {
            if (field.name.value === '_service') {
              const role = contextValue.principal.role;
              if (role === 'anonymous') throw requestRefused('UNAUTHENTICATED', message('auth.subgraphNeedsService'));
              if (role !== 'service') throw requestRefused('FORBIDDEN', message('auth.subgraphGatewayOnly'));
            }
            if (field.name.value === '_entities') {
              const arg = field.arguments?.find((a) => a.name.value === 'representations');
              const representations = arg ? valueFromASTUntyped(arg.value, request.variables) : [];
              for (const representation of Array.isArray(representations) ? representations : []) {
                const typename = (representation as { __typename?: unknown } | null)?.__typename;
                if (typeof typename !== 'string' || !entityNames.has(typename)) {
                  throw requestRefused('UNKNOWN_ENTITY_TYPE', message('input.unknownEntity', { typename: JSON.stringify(String(typename)) }));
                }
              }
            }
          }
        },
      };
    },
  };
}
