import { byId, defineNode, rowScope, type GongzhiContext, type NodeDefinition, type ScopeNode } from '@gongzhi/plugin-sdk';
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

/** Rows carrying only their district are read at the node of the object they belong to. */
async function at<T extends { id: string; districtId: string }>(ctx: GongzhiContext, entity: new () => T, id: string, districtId: string): Promise<ScopeNode> {
  const parent = await byId(ctx, entity).load(id);
  return parent ? rowScope(parent) : { districtId };
}

/** An account is read where its owner is: `Volunteer.pointsAccount`, `CharityStore.account`, `districtIssuanceAccount`. */
const accountScope = (a: PointsAccount, ctx: GongzhiContext): ScopeNode | Promise<ScopeNode> =>
  a.volunteerId ? at(ctx, Volunteer, a.volunteerId, a.districtId) : a.storeId ? at(ctx, CharityStore, a.storeId, a.districtId) : { districtId: a.districtId };

/** Each type's rule is its list's (`volunteers`, `activities`, … at the object's community) or its parent's field. */
export const nodes: NodeDefinition[] = [
  defineNode({ typename: 'Volunteer', entity: Volunteer, read: { permission: perms['volunteer:read'] } }),
  defineNode({ typename: 'VolunteerTeam', entity: VolunteerTeam, read: { permission: perms['volunteer:read'] } }),
  defineNode({ typename: 'VolunteerActivity', entity: VolunteerActivity, read: { permission: perms['activity:read'] } }),
  // VolunteerActivity.signUps
  defineNode({ typename: 'ActivitySignUp', entity: ActivitySignUp, read: { permission: perms['activity:read'], scope: (s, ctx) => at(ctx, VolunteerActivity, s.activityId, s.districtId) } }),
  defineNode({ typename: 'PointsAccount', entity: PointsAccount, read: { permission: perms['ledger:read'], scope: accountScope } }),
  // statements (read at the district)
  defineNode({ typename: 'PointsTransfer', entity: PointsTransfer, read: { permission: perms['ledger:read'], scope: (t) => ({ districtId: t.districtId }) } }),
  defineNode({ typename: 'MicroWish', entity: MicroWish, read: { permission: perms['wish:read'] } }),
  defineNode({ typename: 'CharityStore', entity: CharityStore, read: { permission: perms['store:read'] } }),
  // CharityStore.items; a redemption is read where its store is
  defineNode({ typename: 'StoreItem', entity: StoreItem, read: { permission: perms['store:read'], scope: (i, ctx) => at(ctx, CharityStore, i.storeId, i.districtId) } }),
  defineNode({ typename: 'Redemption', entity: Redemption, read: { permission: perms['store:read'], scope: (r, ctx) => at(ctx, CharityStore, r.storeId, r.districtId) } }),
];
