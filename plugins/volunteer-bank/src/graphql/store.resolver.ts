import {
  Arg, Args, AsParent, Community, Connection, Ctx, FieldResolver, GongzhiContext, Mutation, PageArgs, Query,
  Requires, Resolver, Root, decodeId, keysetPage, filterOfNode, loadById, requireAt, scopeWhere, treeScopeOf,
} from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { Redemption } from '../entities/redemption.entity';
import { CharityStore } from '../entities/store.entity';
import { StoreItem } from '../entities/store-item.entity';
import { PointsTransfer } from '../entities/transfer.entity';
import { Volunteer } from '../entities/volunteer.entity';
import { perms } from '../permissions';
import { addItem, cancelRedemption, openStore, redeem, restock } from '../services/store.service';
import { RedemptionPayload } from './payloads.type';
import {
  AddStoreItemInput, CancelRedemptionInput, OpenCharityStoreInput, RedeemStoreItemInput, RestockStoreItemInput,
} from './store.input';
import { ScopeArg } from './scope.arg';

const StoreConnection = Connection(CharityStore, 'CharityStore');
const ItemConnection = Connection(StoreItem, 'StoreItem');

@Resolver(() => CharityStore)
export class CharityStoreResolver {
  @Requires(perms['store:read'])
  @Query(() => StoreConnection, { description: '爱心超市列表 / Charity stores at a node of the tree' })
  async charityStores(
    @ScopeArg() scopeId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await treeScopeOf(ctx, scopeId);
    await requireAt(ctx, perms['store:read'], scope);
    return keysetPage(ctx.em, CharityStore, { where: scopeWhere(filterOfNode(scope)), ...page });
  }

  @Requires(perms['store:manage'])
  @Mutation(() => CharityStore, { description: '开设爱心超市 / Open a charity store' })
  openCharityStore(@Arg('input') input: OpenCharityStoreInput, @Ctx() ctx: GongzhiContext) {
    return openStore(ctx, decodeId(input.communityId, 'Community'),
      input.organizationId ? decodeId(input.organizationId, 'SocialOrganization') : null, input.name);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '所属社区 / Community' })
  community(@Root() s: CharityStore, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, s.districtId);
    return ctx.core.community(s.communityId);
  }

  @Requires(perms['store:read'])
  @FieldResolver(() => ItemConnection, { description: '商品 / Items' })
  async items(@Root() s: CharityStore, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    await requireAt(ctx, perms['store:read'], s);
    return keysetPage(ctx.em, StoreItem, { where: { storeId: s.id }, sortBy: 'name', ...page });
  }
}

@Resolver(() => StoreItem)
export class StoreItemResolver {
  @Requires(perms['store:manage'])
  @Mutation(() => StoreItem, { description: '上架商品 / Add an item' })
  addStoreItem(@Arg('input') input: AddStoreItemInput, @Ctx() ctx: GongzhiContext) {
    return addItem(ctx, decodeId(input.storeId, 'CharityStore'), input.name, input.pointsPrice, input.stock);
  }

  @Requires(perms['store:manage'])
  @Mutation(() => StoreItem, { description: '补货 / Restock an item' })
  restockStoreItem(@Arg('input') input: RestockStoreItemInput, @Ctx() ctx: GongzhiContext) {
    return restock(ctx, decodeId(input.itemId, 'StoreItem'), input.quantity);
  }

  @AsParent()
  @FieldResolver(() => CharityStore, { description: '所属超市 / Store' })
  store(@Root() i: StoreItem, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, i.districtId);
    return loadById(ctx, CharityStore, i.storeId);
  }
}

@Resolver(() => Redemption)
export class RedemptionResolver {
  @Requires(perms['store:redeem'])
  @Mutation(() => RedemptionPayload, { description: '积分兑换：积分与库存同时扣减（幂等）/ Redeem: points and stock together (idempotent)' })
  redeemStoreItem(@Arg('input') input: RedeemStoreItemInput, @Ctx() ctx: GongzhiContext) {
    return redeem(ctx, decodeId(input.itemId, 'StoreItem'), decodeId(input.volunteerId, 'Volunteer'), input.quantity, input.idempotencyKey);
  }

  @Requires(perms['store:redeem'])
  @Mutation(() => RedemptionPayload, { description: '撤销兑换并退还（时限内，幂等）/ Cancel within the window, refunding both (idempotent)' })
  cancelRedemption(@Arg('input') input: CancelRedemptionInput, @Ctx() ctx: GongzhiContext) {
    return cancelRedemption(ctx, decodeId(input.redemptionId, 'Redemption'), input.idempotencyKey);
  }

  @AsParent()
  @FieldResolver(() => StoreItem, { description: '商品 / Item' })
  item(@Root() r: Redemption, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, r.districtId);
    return loadById(ctx, StoreItem, r.itemId);
  }

  @AsParent()
  @FieldResolver(() => Volunteer, { description: '兑换志愿者 / Volunteer' })
  volunteer(@Root() r: Redemption, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, r.districtId);
    return loadById(ctx, Volunteer, r.volunteerId);
  }

  @AsParent()
  @FieldResolver(() => PointsTransfer, { description: '扣分转账 / The debit' })
  transfer(@Root() r: Redemption, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, r.districtId);
    return loadById(ctx, PointsTransfer, r.transferId);
  }

  @AsParent()
  @FieldResolver(() => PointsTransfer, { nullable: true, description: '退还转账 / The refund' })
  refundTransfer(@Root() r: Redemption, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, r.districtId);
    return r.refundTransferId ? loadById(ctx, PointsTransfer, r.refundTransferId) : null;
  }
}
