import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import {
  AsParent, Community, Connection, District, MaxItems, PageArgs, Requires, SocialOrganization, SocialWorker, decodeId, keysetPage, scopeWhere,
} from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { CommunityEntity, DistrictEntity, SocialOrganizationEntity, SocialWorkerEntity } from '../entities';
import { PeopleService } from '../services/people.service';
import {
  CreateSocialOrganizationInput, CreateSocialWorkerInput, UpdateSocialOrganizationInput, UpdateSocialWorkerInput,
} from './people.input';
import { NameOrder, SocialOrganizationFilter, SocialWorkerFilter, likePattern, sortProp } from './filters.input';
import { em, load, mustLoadAt, parentAt } from './load';
import { communitiesServed } from './communities-served';
import type { CoreContext } from './core-context';

const OrgConnection = Connection(SocialOrganization, 'SocialOrganization');
const WorkerConnection = Connection(SocialWorker, 'SocialWorker');
const people = new PeopleService();

export const Employer = createUnionType({
  name: 'Employer',
  description: '用人单位 / Employer of a social worker',
  types: () => [SocialOrganization, Community] as const,
  resolveType: (v) => (v instanceof SocialOrganizationEntity ? 'SocialOrganization' : 'Community'),
});

@Resolver(() => SocialOrganization)
export class SocialOrganizationResolver {
  @Query(() => OrgConnection, { description: '社会组织列表 / Social organisations' })
  @Requires(P['organization:read'])
  async socialOrganizations(@Arg('filter', () => SocialOrganizationFilter) filter: SocialOrganizationFilter, @Args() page: PageArgs,
    @Ctx() ctx: CoreContext, @Arg('orderBy', () => NameOrder, { nullable: true }) orderBy?: NameOrder) {
    const district = await mustLoadAt(ctx, P['organization:read'], DistrictEntity, 'District', filter.districtId);
    const where: Record<string, unknown> = { districtId: district.id, ...scopeWhere(ctx.auth.scopeFilter(P['organization:read']), { district: 'districtId', organization: 'id' }) };
    if (filter.category) where.category = filter.category;
    if (filter.registration) where.registration = filter.registration;
    if (filter.nameContains) where.name = { $ilike: likePattern(filter.nameContains) };
    if (filter.servesCommunityId) {
      const communityId = decodeId(filter.servesCommunityId, 'Community');
      where.id = { $in: em(ctx).getKnex().select('organization_id').from('social_organization_community').where('community_id', communityId) };
    }
    return keysetPage(em(ctx), SocialOrganizationEntity, { where, sortBy: sortProp(orderBy), direction: orderBy?.direction, ...page });
  }

  @FieldResolver(() => District)
  @AsParent()
  district(@Root() o: SocialOrganizationEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, o.districtId);
  }

  @FieldResolver(() => [Community], { description: '服务的社区 / Communities served' })
  @AsParent()
  @MaxItems({ tree: 'community' })
  communitiesServed(@Root() o: SocialOrganizationEntity, @Ctx() ctx: CoreContext) {
    return communitiesServed(ctx, o.id);
  }

  @Mutation(() => SocialOrganization, { description: '登记社会组织 / Register a social organisation' })
  @Requires(P['organization:write'])
  async createSocialOrganization(@Arg('input') input: CreateSocialOrganizationInput, @Ctx() ctx: CoreContext) {
    await parentAt(ctx, P['organization:write'], DistrictEntity, 'District', input.districtId, 'input.districtId');
    return people.createOrganization(em(ctx), input);
  }

  @Mutation(() => SocialOrganization)
  @Requires(P['organization:write'])
  async updateSocialOrganization(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateSocialOrganizationInput, @Ctx() ctx: CoreContext) {
    return people.updateOrganization(em(ctx), await mustLoadAt(ctx, P['organization:write'], SocialOrganizationEntity, 'SocialOrganization', id), input);
  }
}

@Resolver(() => SocialWorker)
export class SocialWorkerResolver {
  @Query(() => WorkerConnection, { description: '社工列表 / Social workers' })
  @Requires(P['organization:read'])
  async socialWorkers(@Arg('filter', () => SocialWorkerFilter) filter: SocialWorkerFilter, @Args() page: PageArgs,
    @Ctx() ctx: CoreContext, @Arg('orderBy', () => NameOrder, { nullable: true }) orderBy?: NameOrder) {
    const district = await mustLoadAt(ctx, P['organization:read'], DistrictEntity, 'District', filter.districtId);
    const where: Record<string, unknown> = { districtId: district.id, ...scopeWhere(ctx.auth.scopeFilter(P['organization:read']), { district: 'districtId', organization: 'employerOrganizationId', community: 'employerCommunityId' }) };
    if (filter.certification) where.certification = filter.certification;
    if (filter.postType) where.postType = filter.postType;
    if (filter.nameContains) where.name = { $ilike: likePattern(filter.nameContains) };
    return keysetPage(em(ctx), SocialWorkerEntity, { where, sortBy: sortProp(orderBy), direction: orderBy?.direction, ...page });
  }

  @FieldResolver(() => District)
  @AsParent()
  district(@Root() w: SocialWorkerEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, w.districtId);
  }

  @FieldResolver(() => Employer, { description: '用人单位 / Employer' })
  @AsParent()
  employer(@Root() w: SocialWorkerEntity, @Ctx() ctx: CoreContext) {
    return w.employerOrganizationId
      ? load(ctx, SocialOrganizationEntity, w.employerOrganizationId)
      : load(ctx, CommunityEntity, w.employerCommunityId);
  }

  @Mutation(() => SocialWorker, { description: '登记社工 / Register a social worker' })
  @Requires(P['organization:write'])
  async createSocialWorker(@Arg('input') input: CreateSocialWorkerInput, @Ctx() ctx: CoreContext) {
    await parentAt(ctx, P['organization:write'], DistrictEntity, 'District', input.districtId, 'input.districtId');
    return people.createSocialWorker(em(ctx), input);
  }

  @Mutation(() => SocialWorker)
  @Requires(P['organization:write'])
  async updateSocialWorker(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateSocialWorkerInput, @Ctx() ctx: CoreContext) {
    return people.updateSocialWorker(em(ctx), await mustLoadAt(ctx, P['organization:write'], SocialWorkerEntity, 'SocialWorker', id), input);
  }
}
