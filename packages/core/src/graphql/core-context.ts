import type { GongzhiContext } from '@gongzhi/plugin-sdk';
import type { ProgramService } from '../services/program.service';
import type { SettingsService } from '../services/settings.service';
import type { LoaderRegistry } from '../services/loaders';
import type { NodeRegistry } from './node-registry';

/** Core-only additions to the plugin context; plugins never see these. */
export interface CoreServices {
  programs: ProgramService;
  settings: SettingsService;
  nodes: NodeRegistry;
  coreVersion: string;
}

export interface CoreContext extends GongzhiContext {
  services: CoreServices;
  loaders: LoaderRegistry;
}
