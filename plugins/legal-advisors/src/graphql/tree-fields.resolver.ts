import {
  Community, Ctx, District, FieldResolver, MaxItems, Requires, Resolver, Root, Street, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from '../entities/advisor-assignment.entity';
import { perms } from '../permissions';
import { nodeOfCommunity } from '../services/tree';
import { allow } from '../services/access';
import { coverageOf, uncoveredCommunityIds, type TreeLevel } from '../services/coverage.service';
import { currentTermOfCommunity, termsOfCommunity } from '../services/terms.service';
import { LegalAdvisorCoverage } from './coverage.type';


/** `Community.legalAdvisor` and its history: batched over a whole list of communities. */
@Resolver(() => Community)
export class CommunityAdvisorResolver {
  @Requires(perms['advisor:read'])
  @FieldResolver(() => AdvisorAssignment, { nullable: true, description: '现任法律顾问（一社区一法律顾问）/ The community\'s legal advisor today' })
  async legalAdvisor(@Root() c: Community, @Ctx() ctx: GongzhiContext) {
    await allow(ctx, perms['advisor:read'], nodeOfCommunity(c));
    return currentTermOfCommunity(ctx, c.id);
  }

  @Requires(perms['advisor:read'])
  @FieldResolver(() => [AdvisorAssignment], { description: '历任法律顾问聘期（新到旧）/ Every advisor term, newest first' })
  async legalAdvisorTerms(@Root() c: Community, @Ctx() ctx: GongzhiContext) {
    await allow(ctx, perms['advisor:read'], nodeOfCommunity(c));
    return termsOfCommunity(ctx, c.id);
  }
}

async function coverage(ctx: GongzhiContext, level: TreeLevel, node: { districtId: string; streetId?: string }, id: string) {
  await allow(ctx, perms['coverage:read'], node);
  return Object.assign(new LegalAdvisorCoverage(), await coverageOf(ctx, level, id));
}

async function uncovered(ctx: GongzhiContext, level: TreeLevel, node: { districtId: string; streetId?: string }, id: string) {
  await allow(ctx, perms['coverage:read'], node);
  const ids = await uncoveredCommunityIds(ctx, level, id);
  return (await Promise.all(ids.map((c) => ctx.core.community(c)))).filter((c): c is Community => !!c);
}

@Resolver(() => Street)
export class StreetAdvisorResolver {
  @Requires(perms['coverage:read'])
  @FieldResolver(() => LegalAdvisorCoverage, { description: '法律顾问覆盖率 / Legal-advisor coverage of the street' })
  legalAdvisorCoverage(@Root() s: Street, @Ctx() ctx: GongzhiContext) {
    return coverage(ctx, 'street', { districtId: s.districtId, streetId: s.id }, s.id);
  }

  @Requires(perms['coverage:read'])
  @FieldResolver(() => [Community], { description: '尚无法律顾问的社区 / Communities without a legal advisor today' })
  @MaxItems({ tree: 'community' })
  communitiesWithoutLegalAdvisor(@Root() s: Street, @Ctx() ctx: GongzhiContext) {
    return uncovered(ctx, 'street', { districtId: s.districtId, streetId: s.id }, s.id);
  }
}

@Resolver(() => District)
export class DistrictAdvisorResolver {
  @Requires(perms['coverage:read'])
  @FieldResolver(() => LegalAdvisorCoverage, { description: '法律顾问覆盖率 / Legal-advisor coverage of the district' })
  legalAdvisorCoverage(@Root() d: District, @Ctx() ctx: GongzhiContext) {
    return coverage(ctx, 'district', { districtId: d.id }, d.id);
  }

  @Requires(perms['coverage:read'])
  @FieldResolver(() => [Community], { description: '尚无法律顾问的社区 / Communities without a legal advisor today' })
  @MaxItems({ tree: 'community' })
  communitiesWithoutLegalAdvisor(@Root() d: District, @Ctx() ctx: GongzhiContext) {
    return uncovered(ctx, 'district', { districtId: d.id }, d.id);
  }
}
