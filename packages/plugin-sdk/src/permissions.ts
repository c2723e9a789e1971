import type { I18n } from './i18n';

/** `plugin:resource:action`, e.g. `volunteer-bank:ledger:credit`. */
export type PermissionKey = `${string}:${string}:${string}`;

declare const madeByDefinePermissions: unique symbol;

/**
 * A permission as `definePermissions` made it: what `@Requires`, `requireAt` and `ctx.auth`
 * take. Only `definePermissions` makes one (the brand), so a key string, a role or a
 * hand-built look-alike does not compile where a permission is expected.
 */
export interface PermissionDefinition {
  readonly [madeByDefinePermissions]: true;
  key: PermissionKey;
  title: I18n;
  /** Core roles (e.g. `COMMUNITY_WORKER`) holding it; default: district admins and community workers. */
  roles?: string[];
}

/** Where a role grant sits: a node of the territory tree, or a social organisation. */
export type ScopeLevel = 'PLATFORM' | 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'GRID' | 'ORGANIZATION';

export interface RoleDefinition {
  key: string;
  title: I18n;
  /** Levels this role may be granted at. */
  grantableAt: ScopeLevel[];
  /** Permission keys: the host's role table. */
  permissions: string[];
}

/** A role as a plugin writes it: its permissions as definitions, so a misspelt one does not compile. */
export interface RoleInput extends Omit<RoleDefinition, 'permissions'> {
  permissions: PermissionDefinition[];
}

const KEY = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

export function definePermissions<K extends string>(
  prefix: string,
  defs: Record<K, I18n | (I18n & { roles: string[] })>,
): Record<K, PermissionDefinition> {
  const out = {} as Record<K, PermissionDefinition>;
  for (const [name, def] of Object.entries(defs) as [K, I18n & { roles?: string[] }][]) {
    const key = `${prefix}:${name}` as PermissionKey;
    if (!KEY.test(key)) throw new Error(`Permission "${key}" is not plugin:resource:action`);
    out[name] = { key, title: { zh: def.zh, en: def.en }, ...(def.roles ? { roles: def.roles } : {}) } as Omit<PermissionDefinition, typeof madeByDefinePermissions> as PermissionDefinition;
  }
  return out;
}

export function defineRole(role: RoleInput): RoleDefinition {
  return { ...role, permissions: role.permissions.map((p) => p.key) };
}
