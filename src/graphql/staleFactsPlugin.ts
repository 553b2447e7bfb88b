/**
 * Tells a client when an answer rests on facts past their lifetime (served
 * while the ERP was unreachable, or while a refresh was under way):
 * `extensions.stale = { since }`, the instant the oldest such fact was read
 * from the ERP. A storefront may show it ("prezzi aggiornati alle 02:10").
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { PonteContext } from './context';

export function staleFactsPlugin(onStale: (since: number) => void): ApolloServerPlugin<PonteContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const since = contextValue.freshness?.staleSince ?? null;
          if (since === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, stale: { since: new Date(since).toISOString() } };
          onStale(since);
        },
      };
    },
  };
}
