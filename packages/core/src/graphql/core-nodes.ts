import { defineNode, type GongzhiContext, type NodeDefinition } from '@gongzhi/plugin-sdk';
import {
  CommunityEntity, DistrictEntity, GridEntity, ResidentEntity, SocialOrganizationEntity, SocialWorkerEntity, StreetEntity,
} from '../entities';
import { load } from './load';
import type { CoreContext } from './core-context';

const node = (typename: string, entity: new () => { id: string }): NodeDefinition =>
  defineNode({ typename, entity, load: (ctx: GongzhiContext, id: string) => load(ctx as CoreContext, entity, id) });

export const coreNodes: NodeDefinition[] = [
  node('District', DistrictEntity),
  node('Street', StreetEntity),
  node('Community', CommunityEntity),
  node('Grid', GridEntity),
  node('Resident', ResidentEntity),
  node('SocialOrganization', SocialOrganizationEntity),
  node('SocialWorker', SocialWorkerEntity),
];
