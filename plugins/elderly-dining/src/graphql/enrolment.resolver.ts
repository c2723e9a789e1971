import {
  Arg, Args, Connection, Ctx, FieldResolver, ID, Int, Mutation, PageArgs, Query, Resident, Resolver, Root,
  type GongzhiContext, AsParent, Requires, byId,
} from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { Canteen } from '../entities/canteen.entity';
import { DiningEnrolment } from '../entities/enrolment.entity';
import { diningSettings } from '../settings';
import { enrolElder, listEnrolments, updateEnrolment, withdrawEnrolment } from '../services/enrolment.service';
import { applicableTiers } from '../services/subsidy.service';
import { SubsidyTier } from './dining-enums.type';
import { EnrolElderInput, EnrolmentFilter, UpdateEnrolmentInput } from './enrolment.input';

const DiningEnrolmentConnection = Connection(DiningEnrolment, 'DiningEnrolment');

@Resolver(() => DiningEnrolment)
export class EnrolmentResolver {
  @Requires(perms['enrolment:read'])
  @Query(() => DiningEnrolmentConnection, { description: '助餐登记 / Dining enrolments' })
  diningEnrolments(@Arg('filter', () => EnrolmentFilter, { description: '筛选 / Filter' }) filter: EnrolmentFilter, @Args() page: PageArgs, @Ctx() ctx: GongzhiContext) {
    return listEnrolments(ctx, filter, page.first, page.after);
  }

  @Requires(perms['enrolment:manage'])
  @Mutation(() => DiningEnrolment, { description: '登记60岁以上老人助餐 / Enrol a resident aged 60+' })
  enrolElder(@Arg('input', () => EnrolElderInput, { description: '输入 / Input' }) input: EnrolElderInput, @Ctx() ctx: GongzhiContext) {
    return enrolElder(ctx, input);
  }

  @Requires(perms['enrolment:manage'])
  @Mutation(() => DiningEnrolment, { description: '修改助餐登记 / Update an enrolment' })
  updateDiningEnrolment(@Arg('input', () => UpdateEnrolmentInput, { description: '输入 / Input' }) input: UpdateEnrolmentInput, @Ctx() ctx: GongzhiContext) {
    return updateEnrolment(ctx, input);
  }

  @Requires(perms['enrolment:manage'])
  @Mutation(() => DiningEnrolment, { description: '退出助餐 / Withdraw an enrolment' })
  withdrawDiningEnrolment(@Arg('id', () => ID, { description: '全局ID / Global id' }) id: string, @Ctx() ctx: GongzhiContext) {
    return withdrawEnrolment(ctx, id);
  }

  @AsParent()
  @FieldResolver(() => Resident, { description: '老人 / The elder' })
  elder(@Root() e: DiningEnrolment, @Ctx() ctx: GongzhiContext) {
    return ctx.core.resident(e.residentId);
  }

  @AsParent()
  @FieldResolver(() => Canteen, { description: '食堂 / Canteen' })
  canteen(@Root() e: DiningEnrolment, @Ctx() ctx: GongzhiContext) {
    return byId(ctx, Canteen).load(e.canteenId);
  }

  @AsParent()
  @FieldResolver(() => [SubsidyTier], { description: '符合的补贴档次 / Subsidy tiers the elder qualifies for' })
  async subsidyTiers(@Root() e: DiningEnrolment, @Ctx() ctx: GongzhiContext) {
    return applicableTiers(e, await ctx.settings.get(diningSettings, e.districtId)).map(([tier]) => tier);
  }

  @AsParent()
  @FieldResolver(() => Int, { description: '按现行设置每餐补贴（分，最优档）/ Subsidy per meal at current settings (fen, best tier)' })
  async subsidyPerMealFen(@Root() e: DiningEnrolment, @Ctx() ctx: GongzhiContext) {
    const tiers = applicableTiers(e, await ctx.settings.get(diningSettings, e.districtId));
    return tiers.reduce((best, [, fen]) => Math.max(best, fen), 0);
  }
}
