import {
  Arg, AsParent, Community, Ctx, District, FieldResolver, MaxItems, Requires, Resolver, Root, Street, type GongzhiContext, type ScopeNode,
} from '@gongzhi/plugin-sdk';
import { Lawyer } from '../entities/lawyer.entity';
import { perms } from '../permissions';
import { allow } from '../services/access';
import { lawyerById } from '../services/office-hour-reads';
import { serviceStats, type StatsLevel } from '../services/stats.service';
import { parsePeriod } from '../services/stats-period';
import { nodeOfCommunity } from '../services/tree';
import { LegalAdvisorServiceStats, LegalCommunityServiceStats, LegalServiceStats } from './stats.type';

const PERIOD = { description: '统计期：YYYY（年）、YYYY-Qn（季度）或 YYYY-MM（月），北京时间 / A year YYYY, a quarter YYYY-Qn or a month YYYY-MM, Beijing calendar' };
const DESCRIPTION = '法律服务统计（仅元数据，不含咨询内容）/ Legal-service statistics for a period (metadata only, never consultation content)';

/** The node's figures, for staff who manage the node; one statement for every node of a list. */
export async function statsOf(ctx: GongzhiContext, level: StatsLevel, node: ScopeNode, nodeId: string, period: string): Promise<LegalServiceStats> {
  await allow(ctx, perms['stats:read'], node);
  const range = parsePeriod(period);
  const [row] = await serviceStats(ctx, level, nodeId, range);
  return LegalServiceStats.of(row, level, range);
}

@Resolver(() => District)
export class DistrictStatsResolver {
  @Requires(perms['stats:read'])
  @FieldResolver(() => LegalServiceStats, { description: DESCRIPTION })
  legalServiceStats(@Root() d: District, @Arg('period', PERIOD) period: string, @Ctx() ctx: GongzhiContext) {
    return statsOf(ctx, 'district', { districtId: d.id }, d.id, period);
  }
}

@Resolver(() => Street)
export class StreetStatsResolver {
  @Requires(perms['stats:read'])
  @FieldResolver(() => LegalServiceStats, { description: DESCRIPTION })
  legalServiceStats(@Root() s: Street, @Arg('period', PERIOD) period: string, @Ctx() ctx: GongzhiContext) {
    return statsOf(ctx, 'street', { districtId: s.districtId, streetId: s.id }, s.id, period);
  }
}

@Resolver(() => Community)
export class CommunityStatsResolver {
  @Requires(perms['stats:read'])
  @FieldResolver(() => LegalServiceStats, { description: DESCRIPTION })
  legalServiceStats(@Root() c: Community, @Arg('period', PERIOD) period: string, @Ctx() ctx: GongzhiContext) {
    return statsOf(ctx, 'community', nodeOfCommunity(c), c.id, period);
  }
}

/** The breakdowns of a node's figures: the node's access rule already held. */
@Resolver(() => LegalServiceStats)
export class LegalServiceStatsResolver {
  // About one advisor per community (a replacement within the period adds one).
  @AsParent()
  @MaxItems({ tree: 'community' })
  @FieldResolver(() => [LegalAdvisorServiceStats], { description: '按律师（法律顾问）/ Per advisor who sat hours or took consultations here' })
  async byAdvisor(@Root() s: LegalServiceStats, @Ctx() ctx: GongzhiContext) {
    return (await serviceStats(ctx, s.level, s.nodeId, s.range, 'advisor')).map(LegalAdvisorServiceStats.of);
  }

  @AsParent()
  @MaxItems({ tree: 'community' })
  @FieldResolver(() => [LegalCommunityServiceStats], { description: '按社区（仅有数据的社区）/ Per community below the node that has figures' })
  async byCommunity(@Root() s: LegalServiceStats, @Ctx() ctx: GongzhiContext) {
    return (await serviceStats(ctx, s.level, s.nodeId, s.range, 'community')).map(LegalCommunityServiceStats.of);
  }
}

@Resolver(() => LegalAdvisorServiceStats)
export class LegalAdvisorServiceStatsResolver {
  @AsParent()
  @FieldResolver(() => Lawyer, { description: '律师 / Lawyer' })
  lawyer(@Root() s: LegalAdvisorServiceStats, @Ctx() ctx: GongzhiContext) {
    return lawyerById(ctx, s.lawyerId);
  }
}

@Resolver(() => LegalCommunityServiceStats)
export class LegalCommunityServiceStatsResolver {
  @AsParent()
  @FieldResolver(() => Community, { description: '社区 / Community' })
  community(@Root() s: LegalCommunityServiceStats, @Ctx() ctx: GongzhiContext) {
    return ctx.core.community(s.communityId);
  }
}
