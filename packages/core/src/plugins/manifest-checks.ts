import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { corePermissions } from '../identity/core-permissions';
import { CoreRole } from '../identity/roles';
import { PluginHostError } from './plugin-host-error';

const MIGRATION_NAME = /^Migration\d{14}_[A-Za-z0-9_]+$/;
const ROUTE_PATH = /^(\/[a-z0-9][a-z0-9._-]*)+$/;

/**
 * Mistakes in manifests that would otherwise pass silently: refused at start with one
 * message naming the plugin(s) and the bad name. Permission keys and role names are
 * declared once across core and plugins, every role a permission names exists, every
 * permission a role names exists, migrations are tracked under their class names.
 */
export function checkManifests(plugins: GongzhiPlugin[]): void {
  const permissionBy = new Map<string, string>(Object.values(corePermissions).map((p) => [p.key, 'core']));
  const roleBy = new Map<string, string>(Object.values(CoreRole).map((r) => [r, 'core']));
  for (const p of plugins) {
    for (const perm of p.permissions ?? []) {
      const prev = permissionBy.get(perm.key);
      if (prev) throw new PluginHostError(`Permission "${perm.key}" is declared twice: by "${prev}" and by "${p.name}"`);
      if (!perm.key.startsWith(`${p.name}:`)) throw new PluginHostError(`Plugin "${p.name}" declares permission "${perm.key}"; its keys start with "${p.name}:"`);
      permissionBy.set(perm.key, p.name);
    }
    for (const role of p.roles ?? []) {
      const prev = roleBy.get(role.key);
      if (prev) throw new PluginHostError(`Role "${role.key}" is declared twice: by "${prev}" and by "${p.name}"`);
      roleBy.set(role.key, p.name);
    }
    const paths = new Set<string>();
    for (const r of p.routes ?? []) {
      if (!ROUTE_PATH.test(r.path) || paths.has(r.path)) throw new PluginHostError(`Plugin "${p.name}" has a route "${r.path}" that is repeated or not a path like /a-z0-9-_./`);
      paths.add(r.path);
    }
    const names = new Set<string>();
    for (const m of p.migrations ?? []) {
      if (!MIGRATION_NAME.test(m.name)) throw new PluginHostError(`Plugin "${p.name}" has a migration class named "${m.name}"; name it Migration<YYYYMMDDHHMMSS>_<what>`);
      if (names.has(m.name)) throw new PluginHostError(`Plugin "${p.name}" lists migration "${m.name}" twice`);
      names.add(m.name);
    }
  }
  for (const p of plugins) {
    for (const perm of p.permissions ?? []) {
      for (const role of perm.roles ?? []) {
        if (!roleBy.has(role)) throw new PluginHostError(`Plugin "${p.name}" grants permission "${perm.key}" to role "${role}", which neither the core nor a loaded plugin declares`);
      }
    }
    for (const role of p.roles ?? []) {
      for (const perm of role.permissions) {
        if (!permissionBy.has(perm)) throw new PluginHostError(`Plugin "${p.name}" role "${role.key}" holds permission "${perm}", which neither the core nor a loaded plugin declares`);
      }
    }
  }
}
