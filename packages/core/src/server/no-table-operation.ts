import { Kind, type OperationDefinitionNode } from 'graphql';

/**
 * True when every root field of a query is a meta field (`__typename`, `__schema`,
 * `__type`): nothing it resolves reads a table, so it needs no tenant transaction. Anything
 * else (fragments at the root included) gets one: being wrong here costs a BEGIN, never a
 * read outside row-level security (the request's EntityManager has no transaction then,
 * and resolvers of meta fields do not use it).
 */
export function touchesNoTable(operation: OperationDefinitionNode | null | undefined): boolean {
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));
}
