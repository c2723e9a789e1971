import type { GongzhiContext, ScopeNode } from './context';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from './errors';
import type { PermissionDefinition } from './permissions';

/** The program a permission belongs to (its key's first part); null for the core's own. */
export function programOf(permission: PermissionDefinition): string | null {
  const owner = permission.key.slice(0, permission.key.indexOf(':'));
  return owner === 'core' ? null : owner;
}

/**
 * A rule's two checks at the object's node: the permission's program is on in the node's
 * district (in memory, no SQL), then the caller holds the permission there (NOT_FOUND for
 * another district, FORBIDDEN otherwise).
 */
export async function requireAt(ctx: Pick<GongzhiContext, 'programs' | 'auth'>, permission: PermissionDefinition, node: ScopeNode): Promise<void> {
  const program = programOf(permission);
  if (program) ctx.programs.assertEnabled(program, node.districtId);
  await ctx.auth.require(permission, node);
}

/** Whether the caller holds `permission` at `node`, for fields that show more to some callers. */
export function holdsAt(ctx: Pick<GongzhiContext, 'auth'>, permission: PermissionDefinition, node: ScopeNode): Promise<boolean> {
  return ctx.auth.require(permission, node).then(() => true, (e) => {
    if (e instanceof ForbiddenError || e instanceof NotFoundError || e instanceof UnauthenticatedError) return false;
    throw e;
  });
}
