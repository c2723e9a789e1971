import { ForbiddenError, NotFoundError, UnauthenticatedError, type Actor, type Authorizer, type PermissionDefinition, type ScopeFilter, type ScopeNode } from '@gongzhi/plugin-sdk';
import type { RoleGrantEntity } from '../entities';
import type { RoleRegistry } from './roles';

/** A permission, or its key as access rules and role tables hold it. */
export type PermissionRef = PermissionDefinition | string;
const keyOf = (p: PermissionRef): string => (typeof p === 'string' ? p : p.key);

/** A grant covers a node when the node lies at or below the grant's scope. */
export function covers(g: RoleGrantEntity, node: ScopeNode): boolean {
  switch (g.scopeLevel) {
    case 'PLATFORM': return true;
    case 'DISTRICT': return node.districtId === g.districtId;
    case 'STREET': return node.districtId === g.districtId && node.streetId === g.scopeId;
    case 'COMMUNITY': return node.districtId === g.districtId && node.communityId === g.scopeId;
    case 'GRID': return node.districtId === g.districtId && node.gridId === g.scopeId;
    case 'ORGANIZATION': return node.districtId === g.districtId && node.organizationId === g.scopeId;
  }
}

/**
 * Checks a caller's grants. An object in a district the caller has no grant in reads
 * as NOT_FOUND (its existence is not revealed); inside its districts, a missing
 * permission is FORBIDDEN.
 */
export class GrantAuthorizer implements Authorizer {
  constructor(
    readonly actor: Actor | null,
    readonly grants: RoleGrantEntity[],
    private readonly roles: RoleRegistry,
    /** Tests only: every check passes, leaving row-level security as the only wall. */
    private readonly checksOff = false,
  ) {}

  get isPlatformAdmin(): boolean {
    return this.grants.some((g) => g.scopeLevel === 'PLATFORM' && this.roles.holds(g.role, '*'));
  }

  /** '*' or the district ids the caller holds any grant in (the row-level security setting). */
  get districts(): '*' | string[] {
    if (this.grants.some((g) => g.scopeLevel === 'PLATFORM')) return '*';
    return [...new Set(this.grants.map((g) => g.districtId!).filter(Boolean))];
  }

  /** Whether `districtId` is one of the caller's districts (else its objects read as NOT_FOUND). */
  seesDistrict(districtId: string): boolean {
    if (this.checksOff && this.actor) return true;
    const d = this.districts;
    return d === '*' || d.includes(districtId);
  }

  hasAnywhere(permission: PermissionRef): boolean {
    if (this.checksOff && this.actor) return true;
    return this.grants.some((g) => this.roles.holds(g.role, keyOf(permission)));
  }

  /** Districts of every node this caller's operation was checked at, allowed or not (for the audit log). */
  readonly touched = new Set<string>();

  allows(permission: PermissionRef, node: ScopeNode): boolean {
    this.touched.add(node.districtId);
    if (this.checksOff && this.actor) return true;
    return this.grants.some((g) => covers(g, node) && this.roles.holds(g.role, keyOf(permission)));
  }

  async require(permission: PermissionRef, node: ScopeNode): Promise<void> {
    if (!this.actor) throw new UnauthenticatedError();
    if (this.allows(permission, node)) return;
    if (!this.seesDistrict(node.districtId)) throw new NotFoundError();
    throw new ForbiddenError(`Missing permission ${keyOf(permission)} here`);
  }

  scopeFilter(permission: PermissionRef): ScopeFilter {
    const f: ScopeFilter = { all: this.checksOff, districtIds: [], streetIds: [], communityIds: [], gridIds: [], organizationIds: [] };
    if (this.checksOff) return f;
    for (const g of this.grants) {
      if (!this.roles.holds(g.role, keyOf(permission))) continue;
      if (g.scopeLevel === 'PLATFORM') return { ...f, all: true };
      const list = { DISTRICT: f.districtIds, STREET: f.streetIds, COMMUNITY: f.communityIds, GRID: f.gridIds, ORGANIZATION: f.organizationIds }[g.scopeLevel];
      list.push(g.scopeLevel === 'DISTRICT' ? g.districtId! : g.scopeId!);
    }
    return f;
  }
}
