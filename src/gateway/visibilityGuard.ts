/**
 * Visibility through the gateway. A content subgraph knows products by sku
 * and knows nothing of who may see them: asked for `featuredProducts {
 * title }`, the plan would never reach Ponte, and an exclusive article's
 * title would be shown to anybody. So every Product selection of an
 * incoming operation also asks Ponte for one non-null field of its own
 * (under an alias no client uses): the plan must then fetch every Product
 * of the answer from Ponte, whose `_entities` answers null for a product
 * the viewer may not see, and that null removes the product (to the
 * nearest nullable place: hence the rule that content subgraphs' lists of
 * Product have nullable items). The alias is taken out of the answer.
 */
import { type DocumentNode, type FieldNode, type GraphQLSchema, Kind, TypeInfo, getNamedType, visit, visitWithTypeInfo } from 'graphql';

/** The alias of the guard field; a client's own field of that name would be removed, so it is refused (see guardOperation). */
export const GUARD_ALIAS = '_ponteVisibleGuard';

/** The Ponte-owned, non-null field the guard selects: any would do; this one costs no extra read. */
const GUARD_FIELD = 'erpDescription';

const GUARDED_TYPE = 'Product';

const guardField: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: GUARD_ALIAS },
  name: { kind: Kind.NAME, value: GUARD_FIELD },
};

/** The operation with the guard in every Product selection set (the same document when it has none). */
export function guardProducts(document: DocumentNode, schema: GraphQLSchema): DocumentNode {
  const product = schema.getType(GUARDED_TYPE);
  if (!product) return document;
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const parent = typeInfo.getParentType();
        if (!parent || getNamedType(parent) !== product) return undefined;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.alias?.value === GUARD_ALIAS)) return undefined;
        return { ...node, selections: [...node.selections, guardField] };
      },
    }),
  );
}

/** True when a client's operation already uses the guard's alias (it would lose that field: refused instead). */
export function usesGuardAlias(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.alias?.value === GUARD_ALIAS) found = true;
    },
  });
  return found;
}

/** Takes the guard out of an answer, in place. */
export function removeGuard(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) removeGuard(item);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (GUARD_ALIAS in record) delete record[GUARD_ALIAS];
  for (const key in record) removeGuard(record[key]);
}
