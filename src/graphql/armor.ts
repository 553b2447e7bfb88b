/**
 * graphql-armor's limits on the shape of a document (aliases, directives,
 * depth) and its "Did you mean …" masking, as Apollo Server plugins and
 * validation rules. Refusals carry QUERY_TOO_COMPLEX, not armor's
 * BAD_USER_INPUT, so clients see one code for every size limit.
 *
 * armor's own token limit is off on purpose: it re-parses the document in
 * `parsingDidStart` with graphql-js's recursive parser, so a deeply nested
 * document overflows the stack there, and a throw from that hook becomes a
 * 500. Tokens and nesting are counted before parsing instead
 * (documentGuard.ts), and Apollo's `parseOptions.maxTokens` bounds the parse.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimits } from '../config/config';
import { PonteError } from '../errors';
import { type Message, message } from '../messages/catalogue';

export interface ArmorOptions {
  limits: QueryLimits;
  /** Mask "Did you mean …" in error messages (production without INTROSPECTION=true). */
  blockSuggestions: boolean;
}

/** armor's own words are English only: the refusal says which limit in the catalogue's. */
const asTooComplex = (sentence: Message) => ({
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null) => context?.reportError(new PonteError('QUERY_TOO_COMPLEX', sentence))],
});

export function armorProtection(options: ArmorOptions): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { limits } = options;
  const armor = new ApolloArmor({
    maxAliases: { n: limits.maxAliases, ...asTooComplex(message('limits.aliases', { max: limits.maxAliases })) },
    maxDirectives: { n: limits.maxDirectives, ...asTooComplex(message('limits.directives', { max: limits.maxDirectives })) },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...asTooComplex(message('limits.depth', { max: limits.maxDepth })) },
    maxTokens: { enabled: false },
    // Ponte's cost analysis (costLimit.ts) knows list sizes and variables; armor's does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.blockSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}
