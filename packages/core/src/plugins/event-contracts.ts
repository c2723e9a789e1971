import semver from 'semver';
import type { EventDefinition, GongzhiPlugin, SubscriberDefinition } from '@gongzhi/plugin-sdk';
import { ProgramChanged } from '../services/program.service';
import { PluginHostError } from './plugin-host-error';

/** Events the gateway itself declares (program `core`). */
export const coreEvents: EventDefinition[] = [ProgramChanged];

export interface Subscription {
  /** `<plugin>/<subscriber>`: the key of its processed-event records. */
  id: string;
  plugin: string;
  def: SubscriberDefinition;
}

/**
 * Checks the loaded plugins' event declarations against each other and returns the
 * subscriptions to run. Refuses, with one message naming both sides, when a plugin
 * declares another program's event, two declare the same name, a subscriber's event
 * has no loaded declarer, or the declared payload version is outside the range the
 * subscriber accepts. A subscriber to an optional dependency that is not loaded is
 * simply inactive (that program does not run in this deployment).
 */
export function eventSubscriptions(plugins: GongzhiPlugin[]): Subscription[] {
  const declared = new Map<string, { by: string; def: EventDefinition }>();
  for (const def of coreEvents) declared.set(def.name, { by: 'core', def });
  for (const p of plugins) {
    for (const def of p.events ?? []) {
      if (def.program !== p.name) {
        throw new PluginHostError(`Plugin "${p.name}" declares event "${def.name}" of program "${def.program}"; a plugin declares only its own events`);
      }
      const prev = declared.get(def.name);
      if (prev) throw new PluginHostError(`Event "${def.name}" is declared twice: by "${prev.by}" and by "${p.name}"`);
      declared.set(def.name, { by: p.name, def });
    }
  }
  const loaded = new Set(plugins.map((p) => p.name));
  const out: Subscription[] = [];
  for (const p of plugins) {
    const names = new Set<string>();
    for (const def of p.subscribers ?? []) {
      const handler = `Plugin "${p.name}" handler "${def.name}"`;
      if (names.has(def.name)) throw new PluginHostError(`${handler} is declared twice`);
      names.add(def.name);
      const owner = def.event.program;
      const decl = declared.get(def.event.name);
      if (!decl) {
        if (!loaded.has(owner) && (p.optionalDependsOn ?? []).includes(owner)) continue;
        const why = loaded.has(owner)
          ? `"${owner}" is loaded but does not declare it`
          : `it belongs to "${owner}", which is not loaded; list it in dependsOn or optionalDependsOn`;
        throw new PluginHostError(`${handler} subscribes to "${def.event.name}", which no loaded plugin declares (${why})`);
      }
      if (!semver.validRange(def.accepts)) throw new PluginHostError(`${handler} accepts "${def.event.name}" in an invalid range "${def.accepts}"`);
      if (!semver.satisfies(decl.def.version, def.accepts)) {
        throw new PluginHostError(
          `${handler} accepts "${def.event.name}" ${def.accepts}, but "${decl.by}" declares version ${decl.def.version}`,
        );
      }
      out.push({ id: `${p.name}/${def.name}`, plugin: p.name, def });
    }
  }
  return out;
}
