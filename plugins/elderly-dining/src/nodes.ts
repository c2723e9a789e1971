import { byId, defineNode, type GongzhiContext, type NodeDefinition, type NodeReadRule } from '@gongzhi/plugin-sdk';
import { Canteen } from './entities/canteen.entity';
import { CentralKitchen } from './entities/central-kitchen.entity';
import { DiningDish } from './entities/dish.entity';
import { DiningEnrolment } from './entities/enrolment.entity';
import { DiningMenu } from './entities/menu.entity';
import { DiningOrder } from './entities/order.entity';
import { perms } from './permissions';
import { canteenScope, guardCanteenRead } from './services/canteen-access';
import { elderScope, isSelf } from './services/elder-access';

const canteen = async (ctx: GongzhiContext, id: string) => (await byId(ctx, Canteen).load(id))!;

/** A canteen, and what `Canteen.menus` shows of it, as `canteens` and `Community.canteens` show it. */
const asCanteen = <T>(canteenOf: (row: T, ctx: GongzhiContext) => Promise<Canteen>): NodeReadRule<T> => ({
  permission: perms['canteen:read'],
  scope: async (row, ctx) => canteenScope(await canteenOf(row, ctx)),
  alsoReadableBy: async (row, ctx) => guardCanteenRead(ctx, perms['canteen:read'], await canteenOf(row, ctx)).then(() => true, () => false),
});

/** Rows about an elder (enrolment, order), as `diningEnrolments`/`diningOrders` filter them: the elder themself, or staff at the elder's node. */
const aboutElder = (permission: NodeReadRule<unknown>['permission']): NodeReadRule<DiningEnrolment | DiningOrder> => ({
  permission,
  scope: async (row, ctx) => elderScope(row, await canteen(ctx, row.canteenId)),
  alsoReadableBy: (row, ctx) => isSelf(ctx, row.residentId),
});

export const diningNodes: NodeDefinition[] = [
  defineNode({
    typename: 'CentralKitchen', entity: CentralKitchen,
    read: { permission: perms['canteen:read'], scope: (k) => ({ districtId: k.districtId, streetId: k.streetId }) },
  }),
  defineNode({ typename: 'Canteen', entity: Canteen, read: asCanteen<Canteen>(async (c) => c) }),
  defineNode({ typename: 'DiningMenu', entity: DiningMenu, read: asCanteen<DiningMenu>((m, ctx) => canteen(ctx, m.canteenId)) }),
  defineNode({
    typename: 'DiningDish', entity: DiningDish,
    read: asCanteen<DiningDish>(async (d, ctx) => canteen(ctx, (await byId(ctx, DiningMenu).load(d.menuId))!.canteenId)),
  }),
  defineNode({ typename: 'DiningEnrolment', entity: DiningEnrolment, read: aboutElder(perms['enrolment:read']) }),
  defineNode({ typename: 'DiningOrder', entity: DiningOrder, read: aboutElder(perms['order:read']) }),
];
