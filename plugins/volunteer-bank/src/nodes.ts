import { defineNode, GongzhiContext, NodeDefinition } from '@gongzhi/plugin-sdk';
import { PointsAccount } from './entities/account.entity';
import { VolunteerActivity } from './entities/activity.entity';
import { Redemption } from './entities/redemption.entity';
import { ActivitySignUp } from './entities/sign-up.entity';
import { CharityStore } from './entities/store.entity';
import { StoreItem } from './entities/store-item.entity';
import { PointsTransfer } from './entities/transfer.entity';
import { Volunteer } from './entities/volunteer.entity';
import { VolunteerTeam } from './entities/volunteer-team.entity';
import { MicroWish } from './entities/wish.entity';
import { P } from './permissions';
import { PROGRAM } from './program';
import { loadById } from './services/loader.service';

type Scoped = { id: string; districtId: string; streetId?: string; communityId?: string };

/** `node(id:)` loaders: null when the program is off in the object's district or the caller may not read it. */
function node<T extends Scoped>(entity: new () => T, permission: string): NodeDefinition<T> {
  return defineNode<T>({
    typename: entity.name,
    entity,
    async load(ctx: GongzhiContext, id: string) {
      const found = await loadById(ctx, entity, id);
      if (!found || !ctx.programs.isEnabled(PROGRAM, found.districtId)) return null;
      try {
        await ctx.auth.require(permission, found);
      } catch {
        return null;
      }
      return found;
    },
  });
}

export const nodes = [
  node(Volunteer, P['volunteer:read']),
  node(VolunteerTeam, P['volunteer:read']),
  node(VolunteerActivity, P['activity:read']),
  node(ActivitySignUp, P['activity:read']),
  node(PointsAccount, P['ledger:read']),
  node(PointsTransfer, P['ledger:read']),
  node(MicroWish, P['wish:read']),
  node(CharityStore, P['store:read']),
  node(StoreItem, P['store:read']),
  node(Redemption, P['store:read']),
] as NodeDefinition[];
