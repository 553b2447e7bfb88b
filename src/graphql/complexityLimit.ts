/**
 * A validation rule that refuses operations too large to serve safely:
 * deeper than `maxDepth`, or selecting more than `maxFields` fields once
 * fragments are expanded (aliases make a small document ask for a lot).
 * Refused before any resolver runs, with QUERY_TOO_COMPLEX.
 */
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { PonteError } from '../errors';
import { message } from '../messages/catalogue';

export interface ComplexityLimits {
  /** Deepest field nesting allowed. */
  maxDepth: number;
  /** Most field selections in one operation, fragments expanded. */
  maxFields: number;
}

// Depth 20 leaves room for the standard introspection query (its TypeRef
// fragment nests ofType nine levels deep).
export const DEFAULT_LIMITS: ComplexityLimits = { maxDepth: 20, maxFields: 2000 };

export function complexityLimitRule(limits: ComplexityLimits = DEFAULT_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    return {
      OperationDefinition(operation) {
        let fields = 0;
        let tooDeep = false;
        // Explicit stack: a hostile document must not overflow the JS stack.
        const stack: Array<{ set: SelectionSetNode; depth: number; seen: ReadonlySet<string> }> = [
          { set: operation.selectionSet, depth: 1, seen: new Set() },
        ];
        while (stack.length > 0 && fields <= limits.maxFields && !tooDeep) {
          const { set, depth, seen } = stack.pop()!;
          for (const selection of set.selections) {
            if (selection.kind === Kind.FIELD) {
              fields += 1;
              if (selection.selectionSet) {
                if (depth + 1 > limits.maxDepth) tooDeep = true;
                else stack.push({ set: selection.selectionSet, depth: depth + 1, seen });
              }
            } else if (selection.kind === Kind.INLINE_FRAGMENT) {
              stack.push({ set: selection.selectionSet, depth, seen });
            } else {
              const name = selection.name.value;
              const fragment = fragments.get(name);
              // Cycles are reported by graphql's own NoFragmentCycles rule.
              if (fragment && !seen.has(name)) stack.push({ set: fragment.selectionSet, depth, seen: new Set([...seen, name]) });
            }
          }
        }
        if (tooDeep || fields > limits.maxFields) {
          context.reportError(
            new PonteError(
              'QUERY_TOO_COMPLEX',
              tooDeep ? message('limits.depth', { max: limits.maxDepth }) : message('limits.fields', { max: limits.maxFields }),
            ),
          );
        }
      },
    };
  };
}
