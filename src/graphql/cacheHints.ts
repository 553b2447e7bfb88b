/**
 * Field cache hints: how long an HTTP cache may keep an answer, in Apollo's
 * cache-control model (root fields are uncacheable unless hinted, other
 * fields inherit their parent's hint unless hinted shorter, and an answer
 * lives as long as its shortest hint), with the hints written here in code
 * rather than as `@cacheControl` directives: the ages are configuration
 * (HTTP_CACHE_*), and reading them from the document once costs nothing per
 * field, where Apollo's plugin instruments every resolver call.
 *
 * Below a product root every field inherits: a product answer depends only
 * on the viewer's fingerprint (src/cache/viewerFingerprint.ts), so prices,
 * visibility and the catalog's pages age together; stock moves faster.
 */
import { type DocumentNode, type GraphQLNamedType, type GraphQLSchema, Kind, TypeInfo, visit, visitWithTypeInfo } from 'graphql';

/** What a hint names: an age the configuration gives. */
export type CacheHint = 'catalog' | 'stock';

export type CacheAges = Readonly<Record<CacheHint, number>>;

/** Hints by schema coordinate (`Type.field`). */
export const FIELD_CACHE_HINTS: ReadonlyMap<string, CacheHint> = new Map<string, CacheHint>([
  ['Query.product', 'catalog'],
  ['Query.products', 'catalog'],
  ['Query.catalog', 'catalog'],
  ['Product.availability', 'stock'],
]);

/** The hints a document's fields carry, or null when a root field has none (the answer is not cacheable). */
export function documentHints(document: DocumentNode, schema: GraphQLSchema): ReadonlySet<CacheHint> | null {
  const roots = new Set<GraphQLNamedType>([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t != null));
  const hints = new Set<CacheHint>();
  let unhintedRoot = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        const parent = typeInfo.getParentType();
        const name = node.name.value;
        const hint = parent ? FIELD_CACHE_HINTS.get(`${parent.name}.${name}`) : undefined;
        if (hint) hints.add(hint);
        // __typename tells nothing that could go stale.
        else if ((!parent || roots.has(parent)) && name !== '__typename') unhintedRoot = true;
      },
    }),
  );
  return unhintedRoot ? null : hints;
}

const memo = new WeakMap<DocumentNode, { schema: GraphQLSchema; hints: ReadonlySet<CacheHint> | null }>();

/**
 * The age of an answer to `document`: the shortest of its hints' ages, or
 * null when it is not cacheable. Kept per parsed document (Apollo reuses
 * one for a repeated query), so a repeated page pays for a lookup only.
 */
export function hintedMaxAge(document: DocumentNode, schema: GraphQLSchema, ages: CacheAges): number | null {
  let known = memo.get(document);
  if (!known || known.schema !== schema) {
    known = { schema, hints: documentHints(document, schema) };
    memo.set(document, known);
  }
  if (known.hints === null || known.hints.size === 0) return null;
  return Math.min(...[...known.hints].map((hint) => ages[hint]));
}
