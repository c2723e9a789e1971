import type { NonEmptyArray } from 'type-graphql';
import type { I18n } from './i18n';
import type { PermissionDefinition, RoleDefinition } from './permissions';
import type { SettingsDefinition } from './settings';
import type { EventDefinition, SubscriberDefinition } from './events';
import type { NodeDefinition } from './node-registry';
import type { DashboardSection } from './dashboard';
import type { JobDefinition } from './jobs';
import type { HttpRoute } from './http-route';

/**
 * A migration class (MikroORM `Migration`), tracked under its class name
 * (`Migration<YYYYMMDDHHMMSS>_<what>`), so the name is written once.
 */
export type PluginMigration = new (...args: never[]) => { up(): Promise<void> | void };

/** What a seed function gets: a forked EntityManager inside one transaction. */
export interface SeedContext {
  em: import('@mikro-orm/core').EntityManager;
  /** The gateway's "now". */
  clock: import('./context').Clock;
  /** The demo district's id. */
  districtId: string;
}

export interface PluginManifest {
  /** kebab-case; also the program key districts enable. */
  name: string;
  /** Semver, read from the plugin's own package.json. */
  version: string;
  /** Semver range of @gongzhi/core this plugin works with. */
  compatibility: string;
  dependsOn?: string[];
  optionalDependsOn?: string[];
  title: I18n;
  description?: I18n;
  /** MikroORM entity classes; their tables start with the plugin's short prefix. */
  entities?: Function[];
  /** type-graphql resolver classes. */
  resolvers?: Function[];
  migrations?: PluginMigration[];
  permissions?: PermissionDefinition[];
  roles?: RoleDefinition[];
  settings?: SettingsDefinition;
  /** Events this plugin emits. */
  events?: EventDefinition<unknown>[];
  /** Handlers of events, its own or other programs'. */
  subscribers?: SubscriberDefinition<unknown>[];
  /** Scheduled jobs the host runs (once per period across gateways). */
  jobs?: JobDefinition[];
  /** Types fetchable through `node(id:)`. */
  nodes?: NodeDefinition[];
  /** Section the plugin adds to the district dashboard. */
  dashboard?: DashboardSection;
  /** GET endpoints under `/plugins/<name>` (see HttpRoute). */
  routes?: HttpRoute[];
  /** Demo data for the seeded demo district; must be idempotent. */
  seed?: (ctx: SeedContext) => Promise<void>;
}

export interface GongzhiPlugin extends Readonly<PluginManifest> {
  readonly kind: 'gongzhi-plugin';
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Declares a program plugin. The manifest holds no logic: the host validates and loads it. */
export function definePlugin(manifest: PluginManifest): GongzhiPlugin {
  if (!NAME.test(manifest.name)) throw new Error(`Plugin name "${manifest.name}" must be kebab-case`);
  if (!manifest.version) throw new Error(`Plugin "${manifest.name}" has no version`);
  if (!manifest.compatibility) throw new Error(`Plugin "${manifest.name}" declares no core compatibility range`);
  return Object.freeze({ ...manifest, kind: 'gongzhi-plugin' as const });
}

export type ResolverList = NonEmptyArray<Function>;
