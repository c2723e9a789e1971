import path from 'node:path';
import { discoverPlugins } from '@gongzhi/core';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import { repoRoot } from './gateway-process';

/**
 * Every program plugin in the repository's `plugins/` folder, found as the gateway finds
 * them: tests generated from the schema use this, so a new program is covered without
 * anyone adding it to a list.
 */
export function installedPlugins(): GongzhiPlugin[] {
  return discoverPlugins([path.join(repoRoot, 'plugins')]);
}
