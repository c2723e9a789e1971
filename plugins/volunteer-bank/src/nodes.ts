import { defineNode, GongzhiContext, NodeDefinition, PermissionDefinition, holdsAt, loadById } from '@gongzhi/plugin-sdk';
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
import { perms } from './permissions';
import { PROGRAM } from './program';

type Scoped = { id: string; districtId: string; streetId?: string; communityId?: string };

/** `node(id:)` loaders: null when the program is off in the object's district or the caller may not read it. */
function node<T extends Scoped>(entity: new () => T, permission: PermissionDefinition): NodeDefinition<T> {
  return defineNode<T>({
    typename: entity.name,
    entity,
    async load(ctx: GongzhiContext, id: string) {
      const found = await loadById(ctx, entity, id);
      if (!found || !ctx.programs.isEnabled(PROGRAM, found.districtId)) return null;
      return (await holdsAt(ctx, permission, found)) ? found : null;
    },
  });
}

export const nodes = [
  node(Volunteer, perms['volunteer:read']),
  node(VolunteerTeam, perms['volunteer:read']),
  node(VolunteerActivity, perms['activity:read']),
  node(ActivitySignUp, perms['activity:read']),
  node(PointsAccount, perms['ledger:read']),
  node(PointsTransfer, perms['ledger:read']),
  node(MicroWish, perms['wish:read']),
  node(CharityStore, perms['store:read']),
  node(StoreItem, perms['store:read']),
  node(Redemption, perms['store:read']),
] as NodeDefinition[];
