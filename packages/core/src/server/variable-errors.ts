import { GraphQLError, getOperationAST, getVariableValues, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Variables that do not coerce to their declared types, as BAD_USER_INPUT (what Apollo answers
 * over HTTP); graphql-js's own errors carry no code and would be masked as internal.
 */
export function variableErrors(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined): GraphQLError[] {
  const op = getOperationAST(document, operationName);
  if (!op) return [];
  const { errors } = getVariableValues(schema, op.variableDefinitions ?? [], variables ?? {});
  return (errors ?? []).map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' } }));
}
