import type { GongzhiContext, ScopeNode } from './context';
import type { PermissionDefinition } from './permissions';

/**
 * Who may read an object through `node(id:)` / `nodes(ids:)`: the rule of the type's own list
 * or field, declared once. The host loads the object through the operation's batched by-id
 * loader, then answers PROGRAM_NOT_ENABLED when the plugin's program is off in the object's
 * district, and NOT_FOUND (existence not revealed) unless the caller holds `permission` at
 * `scope(row)` or `alsoReadableBy(row)` holds.
 */
export interface NodeReadRule<T> {
  /** The permission the type's list/field requires, held at the object's node. */
  permission: PermissionDefinition;
  /**
   * The object's node of the tree, as its list filters it. Default: the row's own
   * `districtId`, `streetId`, `communityId` and `gridId`. Load parents through `byId`/`ctx.loader`
   * so `nodes(ids:)` stays one statement per type, however many ids.
   */
  scope?(row: T, ctx: GongzhiContext): ScopeNode | Promise<ScopeNode>;
  /** Callers who read it without the permission, as its list lets them (its own resident, its assigned advisor). */
  alsoReadableBy?(row: T, ctx: GongzhiContext): boolean | Promise<boolean>;
}

/** A type fetchable by `node(id:)`: its GraphQL name, entity class and read rule. */
export interface NodeDefinition<T = unknown> {
  typename: string;
  /** Class of the objects resolvers return for this type (also what `node(id:)` loads). */
  entity: new () => T;
  read: NoInfer<NodeReadRule<T>>;
}

export function defineNode<T extends { id: string }>(def: NodeDefinition<T>): NodeDefinition<T> {
  return def;
}

/** The default `scope`: the tree columns the row carries. */
export function rowScope(row: { districtId: string; streetId?: string | null; communityId?: string | null; gridId?: string | null }): ScopeNode {
  return { districtId: row.districtId, streetId: row.streetId ?? null, communityId: row.communityId ?? null, gridId: row.gridId ?? null };
}
