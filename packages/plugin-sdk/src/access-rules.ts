import { Extensions } from 'type-graphql';
import type { PermissionDefinition } from './permissions';

/**
 * Every field that reads or writes data declares who may reach it; the gateway enforces
 * the rule before the resolver runs and refuses fields without one (default deny).
 * Services still check the exact node (`ctx.auth.require(permission, node)`).
 */
export type AccessRule =
  | { requires: string }
  | { public: true }
  | { authenticated: true }
  | { asParent: true };

const rule = (r: AccessRule) => Extensions({ gongzhi: r });

/** Caller must hold `permission` (`plugin:resource:action`): somewhere for root fields, at the parent object's node for object fields. */
export const Requires = (permission: PermissionDefinition) => rule({ requires: permission.key });
/** Anyone, signed in or not (login, refresh). */
export const Public = () => rule({ public: true });
/** Any signed-in caller; the resolver scopes what it returns. */
export const Authenticated = () => rule({ authenticated: true });
/** Readable by whoever may read the parent object (e.g. `Community.street`). */
export const AsParent = () => rule({ asParent: true });

export function accessRuleOf(extensions: Record<string, unknown> | null | undefined): AccessRule | undefined {
  return (extensions?.gongzhi as AccessRule | undefined) ?? undefined;
}
