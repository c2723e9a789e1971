import { defineNode, GongzhiError, type GongzhiContext, type PermissionDefinition, type ScopeNode, byId } from '@gongzhi/plugin-sdk';
import { Canteen } from './entities/canteen.entity';
import { CentralKitchen } from './entities/central-kitchen.entity';
import { DiningDish } from './entities/dish.entity';
import { DiningEnrolment } from './entities/enrolment.entity';
import { DiningMenu } from './entities/menu.entity';
import { DiningOrder } from './entities/order.entity';
import { perms } from './permissions';
import { PROGRAM } from './program';
import { readableOrder } from './services/order-query.service';
import { canteenScope, guardCanteenRead } from './services/canteen-access';
import { elderScope, isSelf } from './services/elder-access';

/** Null unless the caller holds `permission` at `scope`; PROGRAM_NOT_ENABLED still surfaces. */
async function visible<T>(ctx: GongzhiContext, row: T | null, permission: PermissionDefinition, scope: (row: T) => Promise<ScopeNode> | ScopeNode): Promise<T | null> {
  if (!row) return null;
  const node = await scope(row);
  ctx.programs.assertEnabled(PROGRAM, node.districtId);
  try {
    await ctx.auth.require(permission.key, node);
    return row;
  } catch {
    return null;
  }
}

const canteenOf = async (ctx: GongzhiContext, id: string) => (await byId(ctx, Canteen).load(id))!;

export const diningNodes = [
  defineNode({
    typename: 'CentralKitchen', entity: CentralKitchen,
    load: async (ctx, id) => visible(ctx, await byId(ctx, CentralKitchen).load(id), perms['canteen:read'], (k) => ({ districtId: k.districtId, streetId: k.streetId })),
  }),
  defineNode({
    typename: 'Canteen', entity: Canteen,
    load: async (ctx, id) => {
      const canteen = await byId(ctx, Canteen).load(id);
      return canteen && guardCanteenRead(ctx, perms['canteen:read'], canteen).then(() => canteen, (e) => {
        if (e instanceof GongzhiError && e.extensions.code === 'PROGRAM_NOT_ENABLED') throw e;
        return null;
      });
    },
  }),
  defineNode({
    typename: 'DiningMenu', entity: DiningMenu,
    load: async (ctx, id) => visible(ctx, await byId(ctx, DiningMenu).load(id), perms['canteen:read'], async (m) => canteenScope(await canteenOf(ctx, m.canteenId))),
  }),
  defineNode({
    typename: 'DiningDish', entity: DiningDish,
    load: async (ctx, id) => visible(ctx, await byId(ctx, DiningDish).load(id), perms['canteen:read'], async (d) => {
      const menu = (await byId(ctx, DiningMenu).load(d.menuId))!;
      return canteenScope(await canteenOf(ctx, menu.canteenId));
    }),
  }),
  defineNode({
    typename: 'DiningEnrolment', entity: DiningEnrolment,
    load: async (ctx, id) => {
      const e = await byId(ctx, DiningEnrolment).load(id);
      if (e && isSelf(ctx, e.residentId)) {
        ctx.programs.assertEnabled(PROGRAM, e.districtId);
        return e;
      }
      return visible(ctx, e, perms['enrolment:read'], async (row) => elderScope(row, await canteenOf(ctx, row.canteenId)));
    },
  }),
  defineNode({
    typename: 'DiningOrder', entity: DiningOrder,
    load: async (ctx, id) => readableOrder(ctx, await byId(ctx, DiningOrder).load(id)),
  }),
];
