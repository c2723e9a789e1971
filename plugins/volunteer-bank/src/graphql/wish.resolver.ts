import {
  Arg, Args, AsParent, Community, Connection, Ctx, FieldResolver, GongzhiContext, ID, Int, Mutation, PageArgs, Query,
  Requires, Resident, Resolver, Root, SocialOrganization, decodeId, keysetPage, filterOfNode, loadById, requireAt, scopeWhere, today, treeScopeOf,
} from '@gongzhi/plugin-sdk';
import { PROGRAM } from '../program';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { MicroWish } from '../entities/wish.entity';
import { perms } from '../permissions';
import { claimWish, confirmWish, markFulfilled, recordWish } from '../services/wish.service';
import { expireWishes, statusOn, statusWhere } from '../services/wish-expiry';
import { WishStatus } from './enums.type';
import { WishConfirmationPayload } from './payloads.type';
import { ClaimMicroWishInput, ConfirmMicroWishInput, FulfilMicroWishInput, RecordMicroWishInput } from './wish.input';
import { ScopeArg } from './scope.arg';

const WishConnection = Connection(MicroWish, 'MicroWish');

@Resolver(() => MicroWish)
export class MicroWishResolver {
  @Requires(perms['wish:read'])
  @Query(() => WishConnection, { description: '微心愿列表（逾期未认领的即为已过期）/ Micro-wishes at a node (unclaimed ones past their date read as EXPIRED)' })
  async microWishes(
    @ScopeArg() scopeId: string,
    @Arg('status', () => WishStatus, { nullable: true }) status: WishStatus | null,
    @Args() page: PageArgs,
    @Ctx() ctx: GongzhiContext,
  ) {
    const scope = await treeScopeOf(ctx, scopeId);
    await requireAt(ctx, perms['wish:read'], scope);
    const where = status ? { $and: [scopeWhere(filterOfNode(scope)), statusWhere(status, today(ctx.clock.now()))] } : scopeWhere(filterOfNode(scope));
    return keysetPage(ctx.em, MicroWish, { where, sortBy: 'createdAt', direction: 'DESC', ...page });
  }

  @Requires(perms['wish:record'])
  @Mutation(() => MicroWish, { description: '登记微心愿 / Record a micro-wish' })
  recordMicroWish(@Arg('input') input: RecordMicroWishInput, @Ctx() ctx: GongzhiContext) {
    return recordWish(ctx, { ...input, residentId: decodeId(input.residentId, 'Resident') });
  }

  @Requires(perms['wish:claim'])
  @Mutation(() => MicroWish, { description: '认领微心愿（仅一方可认领）/ Claim a wish (only once)' })
  claimMicroWish(@Arg('input') input: ClaimMicroWishInput, @Ctx() ctx: GongzhiContext) {
    return claimWish(ctx, {
      wishId: decodeId(input.wishId, 'MicroWish'),
      volunteerId: decodeId(input.volunteerId, 'Volunteer'),
      teamId: input.teamId ? decodeId(input.teamId, 'VolunteerTeam') : null,
      organizationId: input.organizationId ? decodeId(input.organizationId, 'SocialOrganization') : null,
    });
  }

  @Requires(perms['wish:claim'])
  @Mutation(() => MicroWish, { description: '标记心愿已实现 / Mark a wish fulfilled' })
  markMicroWishFulfilled(@Arg('input') input: FulfilMicroWishInput, @Ctx() ctx: GongzhiContext) {
    return markFulfilled(ctx, decodeId(input.wishId, 'MicroWish'));
  }

  @Requires(perms['wish:confirm'])
  @Mutation(() => WishConfirmationPayload, { description: '确认微心愿并计积分（幂等）/ Confirm a wish and credit points (idempotent)' })
  confirmMicroWish(@Arg('input') input: ConfirmMicroWishInput, @Ctx() ctx: GongzhiContext) {
    return confirmWish(ctx, decodeId(input.wishId, 'MicroWish'), input.idempotencyKey);
  }

  @Requires(perms['wish:record'])
  @Mutation(() => Int, { description: '将逾期未认领的微心愿标记为过期 / Expire unclaimed wishes past their date' })
  async expireMicroWishes(@Arg('district', () => ID) districtId: string, @Ctx() ctx: GongzhiContext) {
    const scope = await treeScopeOf(ctx, districtId, 'district');
    await requireAt(ctx, perms['wish:record'], { districtId: scope.districtId });
    return expireWishes(ctx.em, today(ctx.clock.now()), [scope.districtId]);
  }

  @AsParent()
  @FieldResolver(() => WishStatus, { description: '状态 / Status' })
  status(@Root() w: MicroWish, @Ctx() ctx: GongzhiContext) {
    return statusOn(w, today(ctx.clock.now()));
  }

  @AsParent()
  @FieldResolver(() => Resident, { description: '许愿居民 / Resident' })
  resident(@Root() w: MicroWish, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, w.districtId);
    return ctx.core.resident(w.residentId);
  }

  @AsParent()
  @FieldResolver(() => Community, { description: '所属社区 / Community' })
  community(@Root() w: MicroWish, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, w.districtId);
    return ctx.core.community(w.communityId);
  }

  @AsParent()
  @FieldResolver(() => Volunteer, { nullable: true, description: '认领志愿者 / Claiming volunteer' })
  claimedBy(@Root() w: MicroWish, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, w.districtId);
    return w.claimedByVolunteerId ? loadById(ctx, Volunteer, w.claimedByVolunteerId) : null;
  }

  @AsParent()
  @FieldResolver(() => VolunteerTeam, { nullable: true, description: '认领队伍 / Claiming team' })
  claimedByTeam(@Root() w: MicroWish, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, w.districtId);
    return w.claimedByTeamId ? loadById(ctx, VolunteerTeam, w.claimedByTeamId) : null;
  }

  @AsParent()
  @FieldResolver(() => SocialOrganization, { nullable: true, description: '认领社会组织 / Claiming organisation' })
  claimedByOrganization(@Root() w: MicroWish, @Ctx() ctx: GongzhiContext) {
    ctx.programs.assertEnabled(PROGRAM, w.districtId);
    return w.claimedByOrganizationId ? ctx.core.socialOrganization(w.claimedByOrganizationId) : null;
  }
}
