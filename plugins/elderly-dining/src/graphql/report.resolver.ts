import { Arg, Ctx, FieldResolver, ID, LocalDate, Query, Resolver, Root, type GongzhiContext, AsParent, Requires, byId } from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { Canteen } from '../entities/canteen.entity';
import { dailyCounts, settlement, settlementCsv } from '../services/report.service';
import { CanteenSettlement, DailyMealCount, SubsidySettlement } from './report.type';

@Resolver()
export class ReportResolver {
  @Requires(perms['report:read'])
  @Query(() => [DailyMealCount], { description: '每日各食堂各餐统计 / Daily counts per canteen and meal' })
  diningDailyCounts(
    @Arg('districtId', () => ID, { description: '区 / District' }) districtId: string,
    @Arg('date', () => LocalDate, { description: '日期 / Date' }) date: string,
    @Arg('canteenId', () => ID, { nullable: true, description: '仅此食堂 / Only this canteen' }) canteenId: string | null,
    @Ctx() ctx: GongzhiContext,
  ) {
    return dailyCounts(ctx, districtId, date, canteenId);
  }

  @Requires(perms['report:read'])
  @Query(() => SubsidySettlement, { description: '月度补贴结算（按食堂、按全区）/ Monthly subsidy settlement per canteen and district' })
  diningSubsidySettlement(
    @Arg('districtId', () => ID, { description: '区 / District' }) districtId: string,
    @Arg('month', () => String, { description: 'YYYY-MM' }) month: string,
    @Arg('canteenId', () => ID, { nullable: true, description: '仅此食堂 / Only this canteen' }) canteenId: string | null,
    @Ctx() ctx: GongzhiContext,
  ) {
    return settlement(ctx, districtId, month, canteenId);
  }

  @Requires(perms['report:read'])
  @Query(() => String, { description: '月度补贴结算 CSV（财务导出）/ Monthly settlement as CSV for the finance office' })
  diningSubsidySettlementCsv(
    @Arg('districtId', () => ID, { description: '区 / District' }) districtId: string,
    @Arg('month', () => String, { description: 'YYYY-MM' }) month: string,
    @Ctx() ctx: GongzhiContext,
  ) {
    return settlementCsv(ctx, districtId, month);
  }
}

@Resolver(() => DailyMealCount)
export class DailyMealCountResolver {
  @AsParent()
  @FieldResolver(() => Canteen, { description: '食堂 / Canteen' })
  canteen(@Root() row: DailyMealCount, @Ctx() ctx: GongzhiContext) {
    return byId(ctx, Canteen).load(row.canteenId);
  }
}

@Resolver(() => CanteenSettlement)
export class CanteenSettlementResolver {
  @AsParent()
  @FieldResolver(() => Canteen, { description: '食堂 / Canteen' })
  canteen(@Root() row: CanteenSettlement, @Ctx() ctx: GongzhiContext) {
    return byId(ctx, Canteen).load(row.canteenId);
  }
}
