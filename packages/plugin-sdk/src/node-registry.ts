import type { GongzhiContext } from './context';

/** A type fetchable by `node(id:)`: its GraphQL name, entity class and a scoped loader. */
export interface NodeDefinition<T = unknown> {
  typename: string;
  /** Class of the objects resolvers return for this type. */
  entity: Function;
  /** Loads by uuid; must return null for objects the caller may not see. */
  load(ctx: GongzhiContext, id: string): Promise<T | null>;
}

export function defineNode<T>(def: NodeDefinition<T>): NodeDefinition<T> {
  return def;
}
