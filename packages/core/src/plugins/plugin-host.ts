import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { isPlugin } from '@gongzhi/plugin-sdk/host';

import { PluginHostError } from './plugin-host-error';
import { eventSubscriptions } from './event-contracts';
import { checkManifests } from './manifest-checks';
import { pluginJobs } from '../jobs/plugin-jobs';

export { PluginHostError };

/** Plugins installed in `dirs`: folders whose package.json says `"gongzhi": { "plugin": true }`. */
export function discoverPlugins(dirs: string[]): GongzhiPlugin[] {
  const found: GongzhiPlugin[] = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      const pkgFile = path.join(dir, entry, 'package.json');
      if (!fs.existsSync(pkgFile)) continue;
      const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
      if (!pkg.gongzhi?.plugin) continue;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(path.join(dir, entry, pkg.main ?? 'src/plugin.ts'));
      const plugin = mod.default ?? mod.plugin;
      if (!isPlugin(plugin)) throw new PluginHostError(`${pkgFile}: main module does not export a definePlugin() manifest`);
      found.push(plugin);
    }
  }
  return found;
}

/**
 * Chooses the plugins to load and orders them by dependency. Refuses, with one message
 * naming the plugin and both versions, on an incompatible core, a missing dependency or a
 * cycle, and on manifests or event declarations that do not fit together
 * (manifest-checks.ts, event-contracts.ts).
 */
export function resolvePlugins(installed: GongzhiPlugin[], wanted: string[] | null, coreVersion: string): GongzhiPlugin[] {
  const byName = new Map<string, GongzhiPlugin>();
  for (const p of installed) {
    if (byName.has(p.name)) throw new PluginHostError(`Plugin "${p.name}" is installed twice (${byName.get(p.name)!.version} and ${p.version})`);
    byName.set(p.name, p);
  }
  const names = wanted ?? [...byName.keys()];
  for (const n of names) {
    if (!byName.has(n)) {
      throw new PluginHostError(`GONGZHI_PLUGINS names "${n}", which is not installed (installed: ${[...byName.keys()].join(', ') || 'none'})`);
    }
  }
  const selected = names.map((n) => byName.get(n)!);
  for (const p of selected) {
    if (!semver.validRange(p.compatibility)) {
      throw new PluginHostError(`Plugin "${p.name}" ${p.version} has an invalid compatibility range "${p.compatibility}"`);
    }
    if (!semver.satisfies(coreVersion, p.compatibility, { includePrerelease: true })) {
      throw new PluginHostError(
        `Plugin "${p.name}" ${p.version} requires @gongzhi/core ${p.compatibility}, but this core is ${coreVersion}`,
      );
    }
    for (const dep of p.dependsOn ?? []) {
      if (!names.includes(dep)) {
        const why = byName.has(dep) ? 'installed but not loaded (GONGZHI_PLUGINS)' : 'not installed';
        throw new PluginHostError(`Plugin "${p.name}" ${p.version} depends on plugin "${dep}", which is ${why}`);
      }
    }
  }
  const ordered = topoSort(selected, new Set(names));
  checkManifests(ordered);
  eventSubscriptions(ordered);
  pluginJobs(ordered);
  return ordered;
}

function topoSort(plugins: GongzhiPlugin[], loaded: Set<string>): GongzhiPlugin[] {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  const order: GongzhiPlugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (p: GongzhiPlugin, trail: string[]) => {
    const s = state.get(p.name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(p.name)), p.name];
      throw new PluginHostError(`Plugin dependencies form a cycle: ${cycle.map((n) => `${n} ${byName.get(n)!.version}`).join(' -> ')}`);
    }
    state.set(p.name, 'visiting');
    const deps = [...(p.dependsOn ?? []), ...(p.optionalDependsOn ?? []).filter((d) => loaded.has(d))];
    for (const d of deps) visit(byName.get(d)!, [...trail, p.name]);
    state.set(p.name, 'done');
    order.push(p);
  };
  for (const p of [...plugins].sort((a, b) => a.name.localeCompare(b.name))) visit(p, []);
  return order;
}
