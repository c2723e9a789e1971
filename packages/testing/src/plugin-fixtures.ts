import { definePlugin, type GongzhiPlugin, type PluginManifest } from '@gongzhi/plugin-sdk';
import { PluginHostError, resolvePlugins } from '@gongzhi/core';
import { CORE_VERSION } from '@gongzhi/core/src/version';

/** A minimal valid plugin named `name`; `extra` adds the part a test is about. */
export const testPlugin = (name: string, extra: Partial<PluginManifest> = {}): GongzhiPlugin =>
  definePlugin({ name, version: '1.0.0', compatibility: '^1.0.0', title: { zh: name, en: name }, ...extra });

/** The host's start-up refusal of `plugins` (its message); fails when the host would start or throws anything else. */
export function startupRefusal(plugins: GongzhiPlugin[], coreVersion = CORE_VERSION): string {
  try {
    resolvePlugins(plugins, null, coreVersion);
  } catch (e) {
    if (e instanceof PluginHostError) return e.message;
    throw e;
  }
  throw new Error('the host started');
}
