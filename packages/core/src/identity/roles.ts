import type { GongzhiPlugin, PermissionDefinition, RoleDefinition, ScopeLevel } from '@gongzhi/plugin-sdk';
import { P, corePermissions } from './core-permissions';

export enum CoreRole {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  DISTRICT_ADMIN = 'DISTRICT_ADMIN',
  STREET_STAFF = 'STREET_STAFF',
  COMMUNITY_WORKER = 'COMMUNITY_WORKER',
  GRID_WORKER = 'GRID_WORKER',
  ORG_STAFF = 'ORG_STAFF',
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  RESIDENT = 'RESIDENT',
}

/** The role table holds keys (the host's own lookup); written from the definitions so a typo does not compile. */
const keys = (...ps: PermissionDefinition[]): string[] => ps.map((p) => p.key);
const READ = keys(P['tree:read'], P['resident:read'], P['organization:read'], P['events:read'], P['platform:read']);

/** Core roles: where they may be granted and what they hold. `*` is every permission. */
const CORE_ROLES: RoleDefinition[] = [
  { key: CoreRole.PLATFORM_ADMIN, title: { zh: '平台管理员', en: 'Platform admin' }, grantableAt: ['PLATFORM'], permissions: ['*'] },
  {
    key: CoreRole.DISTRICT_ADMIN, title: { zh: '区管理员', en: 'District admin' }, grantableAt: ['DISTRICT'],
    permissions: keys(...Object.values(P).filter((p) => p !== P['district:create'])),
  },
  { key: CoreRole.STREET_STAFF, title: { zh: '街道工作人员', en: 'Street staff' }, grantableAt: ['STREET'], permissions: [...READ, ...keys(P['tree:write'], P['role:grant'])] },
  {
    key: CoreRole.COMMUNITY_WORKER, title: { zh: '社区工作者', en: 'Community worker' }, grantableAt: ['COMMUNITY'],
    permissions: [...READ, ...keys(P['tree:write'], P['resident:write'], P['resident:reveal'], P['organization:write'], P['role:grant'])],
  },
  { key: CoreRole.GRID_WORKER, title: { zh: '网格员', en: 'Grid worker' }, grantableAt: ['GRID'], permissions: [...READ, ...keys(P['resident:write'], P['resident:reveal'])] },
  { key: CoreRole.ORG_STAFF, title: { zh: '社会组织工作人员', en: 'Social-organisation staff' }, grantableAt: ['ORGANIZATION'], permissions: keys(P['organization:read'], P['platform:read']) },
  { key: CoreRole.SOCIAL_WORKER, title: { zh: '社工', en: 'Social worker' }, grantableAt: ['COMMUNITY', 'ORGANIZATION'], permissions: keys(P['tree:read'], P['resident:read'], P['organization:read'], P['platform:read']) },
  { key: CoreRole.RESIDENT, title: { zh: '居民', en: 'Resident' }, grantableAt: ['COMMUNITY'], permissions: keys(P['platform:read']) },
];

/** Core roles a plugin permission goes to when the plugin does not say (`roles` on the definition). */
const DEFAULT_PLUGIN_ROLES = [CoreRole.DISTRICT_ADMIN, CoreRole.COMMUNITY_WORKER];

/** Every role and permission of the core and the loaded plugins. */
export class RoleRegistry {
  readonly roles = new Map<string, RoleDefinition>();
  readonly permissions = new Map<string, PermissionDefinition>();

  constructor(plugins: GongzhiPlugin[]) {
    for (const p of Object.values(corePermissions)) this.permissions.set(p.key, p);
    for (const r of CORE_ROLES) this.roles.set(r.key, { ...r, permissions: [...r.permissions] });
    for (const plugin of plugins) {
      for (const perm of plugin.permissions ?? []) {
        this.permissions.set(perm.key, perm);
        for (const role of perm.roles ?? DEFAULT_PLUGIN_ROLES) this.roles.get(role)?.permissions.push(perm.key);
      }
      for (const role of plugin.roles ?? []) {
        const existing = this.roles.get(role.key);
        if (existing && CORE_ROLES.some((r) => r.key === role.key)) existing.permissions.push(...role.permissions);
        else this.roles.set(role.key, role);
      }
    }
  }

  holds(role: string, permission: string): boolean {
    const r = this.roles.get(role);
    return !!r && (r.permissions.includes('*') || r.permissions.includes(permission));
  }

  grantableAt(role: string, level: ScopeLevel): boolean {
    return this.roles.get(role)?.grantableAt.includes(level) ?? false;
  }
}
