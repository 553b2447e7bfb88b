/**
 * Checks every String and ID input value of a request against its text rule
 * (textRules.ts) once the operation is known and before it runs: literals in
 * the document and variable values alike (validation rules never see
 * variables; resolvers would each have to remember). A refused value fails
 * the whole request with BAD_USER_INPUT naming the argument, HTTP 400.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  Kind,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { refusedBeforeExecution } from '../errors';
import { type TextProblem, type TextRule, strictest, textProblem, textRuleFor } from './textRules';
import { type Message, message } from '../messages/catalogue';

/** JSON nested deeper than this in a free-form scalar is refused rather than walked. */
const MAX_DEPTH = 32;

class TextRefused {
  constructor(
    readonly coordinate: string | null,
    /** What is wrong, said of the argument's name. */
    readonly problem: (name: string) => Message,
  ) {}

  toError() {
    const name = this.coordinate?.split('.').pop() ?? 'input';
    return refusedBeforeExecution(this.problem(name), this.coordinate ? { argument: this.coordinate } : undefined);
  }
}

function sentenceOf(problem: TextProblem, name: string): Message {
  return problem.tooLong ? message('input.textTooLong', { name, max: problem.max }) : message('input.controlCharacter', { name, character: problem.character });
}

const nestedTooDeep = (name: string) => message('input.nestedTooDeep', { name, max: MAX_DEPTH });

/** String and ID hold text; _Any (federation representations) is free-form JSON holding text; other scalars parse their own. */
function holdsText(type: GraphQLNamedType | undefined): 'text' | 'json' | null {
  if (type === undefined) return 'json';
  if (!isScalarType(type)) return null;
  if (type.name === 'String' || type.name === 'ID') return 'text';
  return type.name === '_Any' ? 'json' : null;
}

function check(value: string, coordinate: string | null, rule: TextRule = textRuleFor(coordinate)): void {
  const problem = textProblem(value, rule);
  if (problem) throw new TextRefused(coordinate, (name) => sentenceOf(problem, name));
}

interface LiteralCheck {
  refused: TextRefused | null;
  /** Variable name → the coordinates it is used at. */
  uses: Map<string, Array<string | null>>;
}

/** Apollo hands the same DocumentNode for the same query text, so literals are checked once per document. */
const literalChecks = new WeakMap<DocumentNode, LiteralCheck>();

function checkLiterals(schema: GraphQLSchema, document: DocumentNode): LiteralCheck {
  const cached = literalChecks.get(document);
  if (cached) return cached;
  const typeInfo = new TypeInfo(schema);
  const coordinates: Array<string | null> = [];
  const current = () => (coordinates.length > 0 ? coordinates[coordinates.length - 1]! : null);
  const uses = new Map<string, Array<string | null>>();
  let refused: TextRefused | null = null;
  try {
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Argument: {
          enter() {
            const [parent, field, argument] = [typeInfo.getParentType(), typeInfo.getFieldDef(), typeInfo.getArgument()];
            coordinates.push(parent && field && argument ? `${parent.name}.${field.name}.${argument.name}` : null);
          },
          leave() {
            coordinates.pop();
          },
        },
        ObjectField: {
          enter(node) {
            const parent = getNamedType(typeInfo.getParentInputType());
            coordinates.push(isInputObjectType(parent) ? `${parent.name}.${node.name.value}` : current());
          },
          leave() {
            coordinates.pop();
          },
        },
        StringValue(node) {
          if (holdsText(getNamedType(typeInfo.getInputType())) !== null) check(node.value, current());
        },
        Variable(node, _key, parent) {
          // The declaration `$name: Type` is not a use.
          if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.VARIABLE_DEFINITION) return;
          const list = uses.get(node.name.value) ?? [];
          list.push(current());
          uses.set(node.name.value, list);
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof TextRefused)) throw error;
    refused = error;
  }
  const result = { refused, uses };
  literalChecks.set(document, result);
  return result;
}

function checkJson(value: unknown, coordinate: string | null, rule: TextRule, depth: number): void {
  if (depth > MAX_DEPTH) throw new TextRefused(coordinate, nestedTooDeep);
  if (typeof value === 'string') check(value, coordinate, rule);
  else if (Array.isArray(value)) for (const item of value) checkJson(item, coordinate, rule, depth + 1);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      check(key, coordinate, rule);
      checkJson(item, coordinate, rule, depth + 1);
    }
  }
}

/** Walks a variable's value along its declared type; values that do not fit the type are left to GraphQL's coercion. */
function checkValue(value: unknown, type: GraphQLInputType, coordinate: string | null, rule: TextRule, depth: number): void {
  if (value === null || value === undefined) return;
  if (depth > MAX_DEPTH) throw new TextRefused(coordinate, nestedTooDeep);
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) checkValue(item, nullable.ofType, coordinate, rule, depth + 1);
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object' || Array.isArray(value)) return;
    const fields = nullable.getFields();
    for (const [name, item] of Object.entries(value)) {
      const field = fields[name];
      const fieldCoordinate = `${nullable.name}.${name}`;
      if (field) checkValue(item, field.type, fieldCoordinate, textRuleFor(fieldCoordinate), depth + 1);
    }
    return;
  }
  const kind = holdsText(nullable);
  if (kind === 'text' && typeof value === 'string') check(value, coordinate, rule);
  else if (kind === 'json') checkJson(value, coordinate, rule, depth);
}

function checkVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>, uses: LiteralCheck['uses']): void {
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type || !(name in variables)) continue;
    const places = uses.get(name) ?? [];
    const rule = strictest(places.map(textRuleFor));
    // A variable used at one place is named after it; used at several, after the first.
    checkValue(variables[name], type, places[0] ?? null, rule, 0);
  }
}

/** Throws BAD_USER_INPUT (HTTP 400) for the first String or ID input value that breaks its rule. */
export function checkInputText(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown>,
): void {
  const literals = checkLiterals(schema, document);
  if (literals.refused) throw literals.refused.toError();
  if (!operation) return;
  try {
    checkVariables(schema, operation, variables, literals.uses);
  } catch (error) {
    if (error instanceof TextRefused) throw error.toError();
    throw error;
  }
}

export function inputTextPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          checkInputText(schema, document, operation, (request.variables ?? {}) as Record<string, unknown>);
        },
      };
    },
  };
}
