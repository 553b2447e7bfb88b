/**
 * Decides which responses the response cache may keep, and under which key:
 * queries whose root fields are all product fields (product, products,
 * catalog), answered without an error and from fresh facts only. The key is
 * the viewer's fingerprint plus a hash of what the client asked (query,
 * operation, variables, accepted media type); the tags are the facts the
 * request read. The bytes themselves are taken as sent (src/app.ts, onSend),
 * so a hit answers exactly what a miss did. The same rule says which answers
 * HTTP caches may keep (src/http/httpCaching.ts), for as long as the
 * fields' hints allow (cacheHints.ts).
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { ErpCache } from '../cache/erpCache';
import { type CacheAges, hintedMaxAge } from './cacheHints';
import { type ResponseScope, skuOfTag } from '../cache/responseCache';
import { sharedFingerprint, viewerFingerprint } from '../cache/viewerFingerprint';
import { reachesAny } from '../customers/ownReach';
import { heldSettings, heldViewer } from '../http/cachedResponses';
import type { Language } from '../messages/language';
import type { PonteContext } from './context';

/** Root fields whose answers depend only on the viewer's fingerprint. */
export const PRODUCT_ROOTS: ReadonlySet<string> = new Set(['product', 'products', 'catalog']);

export interface ResponseRequest {
  query?: string | undefined;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
  accept?: string | undefined;
  /** The language the answer's sentences are in (price explanations): an Italian answer never reaches an English caller. */
  language: Language;
}

/** A hash of what the client asked (query, operation, variables, accepted media type) and in which language. */
export function requestDigest(request: ResponseRequest): string {
  const asked = JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}, request.accept ?? '', request.language]);
  return createHash('sha256').update(asked).digest('base64url');
}

/** The accepted media type, and what else the answer varies with, as one part of the digest. */
export function withVary(accept: string | undefined, vary: ((read: (name: string) => string | undefined) => string) | undefined, read: (name: string) => string | undefined): string | undefined {
  return vary ? `${accept ?? ''}\u0001${vary(read)}` : accept;
}

/** The cache key of a request (its digest) for a viewer fingerprint. */
export function responseCacheKey(fingerprint: string, digest: string): string {
  return `${fingerprint}\u0001${digest}`;
}

/**
 * The skus an answer read and their families, or null when it cannot be
 * shared: a catalog page (which articles it lists depends on the viewer),
 * or an article whose family is not held.
 */
function responseScope(cache: ErpCache, tags: Iterable<string>): ResponseScope | null {
  const skus: string[] = [];
  const families = new Set<string>();
  for (const tag of tags) {
    const sku = skuOfTag(tag);
    if (sku === null) return null;
    const held = cache.articles.get(sku);
    if (!held) return null;
    skus.push(sku);
    if (held.value?.familyCode) families.add(held.value.familyCode);
  }
  return { skus, families: [...families] };
}

/** The root field names of an operation, fragments followed; null when it has anything else (directives). */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] | null {
  const names: string[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>): boolean => {
    for (const selection of set.selections) {
      // @include / @skip change the answer with the variables only, which are in the key; other directives are not ours to reason about.
      if (selection.directives && selection.directives.length > 0) return false;
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(selection.selectionSet, seen)) return false;
      } else {
        const name = selection.name.value;
        if (seen.has(name)) return false;
        const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
        if (!fragment || fragment.kind !== Kind.FRAGMENT_DEFINITION || !visit(fragment.selectionSet, new Set([...seen, name]))) return false;
      }
    }
    return true;
  };
  return visit(operation.selectionSet, new Set()) ? names : null;
}

/**
 * @param vary what else the answer depends on, from the request's headers
 *   (gateway mode: the headers forwarded to content subgraphs); nothing by default.
 * @param httpAges the ages of field cache hints: a response this cache may
 *   keep may be kept by HTTP caches too, as long as its hints allow
 *   (src/http/httpCaching.ts); none when absent.
 */
export function responseCachePlugin(
  cache: ErpCache,
  vary?: (read: (name: string) => string | undefined) => string,
  httpAges?: CacheAges,
): ApolloServerPlugin<PonteContext> {
  return {
    async requestDidStart() {
      let cacheable = false;
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation || operation.operation !== 'query') return;
          const roots = rootFields(operation, document);
          cacheable =
            roots !== null &&
            roots.some((r) => PRODUCT_ROOTS.has(r)) &&
            roots.every((r) => PRODUCT_ROOTS.has(r) || r === '__typename');
        },
        async willSendResponse({ contextValue, response, request, document, schema }) {
          if (!cacheable || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors || result.extensions || contextValue.freshness.staleSince !== null) return;
          const status = response.http.status;
          if (status !== undefined && status !== 200) return;
          if (httpAges && document) contextValue.responseCache.maxAge = hintedMaxAge(document, schema, httpAges);
          // Persisted queries are answered through Apollo's own cache; only plain POSTs are looked up.
          if (request.extensions?.persistedQuery) return;
          // The viewer and settings this answer was computed with; where the
          // request never needed them, the held ones (the answer does not
          // depend on them then). Deciding to cache never costs an ERP call.
          const resolved = contextValue.resolved;
          const settings = resolved.settings ?? heldSettings(cache);
          const viewer = resolved.viewer ?? (await heldViewer(cache, contextValue.principal, contextValue.acting));
          if (!settings || !viewer) return;
          const today = contextValue.today(settings);
          const tags = contextValue.freshness.tags;
          // A customer's answer that none of its own rows reached is stored
          // under the fingerprint without them, where customers of the same
          // list and group find it (ownReach.ts).
          const scope = viewer.policy.kind === 'customer' ? responseScope(cache, tags) : null;
          const shared = scope && sharedFingerprint(viewer, settings, today);
          const fingerprint =
            shared && scope && !reachesAny(viewer.context!.reach, scope.skus, scope.families) ? shared : viewerFingerprint(viewer, settings, today);
          contextValue.responseCache.entry = {
            key: responseCacheKey(
              fingerprint,
              requestDigest({
                ...request,
                accept: withVary(contextValue.accept, vary, (name) => request.http?.headers.get(name) ?? undefined),
                language: contextValue.acceptLanguage ?? settings.language,
              }),
            ),
            tags,
            generation: contextValue.responseGeneration,
            scope,
          };
        },
      };
    },
  };
}
