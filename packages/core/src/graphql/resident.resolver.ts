import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  AsParent, Community, Connection, District, Grid, PageArgs, Requires, Resident, Street, InputCheck, keysetPage, maskIdNumber, maskPhone, scopeWhere, decodeId, addMonths, today,
} from '@gongzhi/plugin-sdk';
import { P } from '../identity/core-permissions';
import { nodeOf } from '../security/access-guard';
import { CommunityEntity, DistrictEntity, GridEntity, ResidentEntity, StreetEntity } from '../entities';
import { PeopleService } from '../services/people.service';
import { CreateResidentInput, UpdateResidentInput } from './people.input';
import { NameOrder, ResidentFilter, likePattern, sortProp } from './filters.input';
import { em, load, mustLoadAt, parentAt, withinNode } from './load';
import type { CoreContext } from './core-context';

const ResidentConnection = Connection(Resident, 'Resident');
const people = new PeopleService();

/** Latest birth date of someone at least `years` old today (a Feb 29 falls back to Feb 28). */
const bornOnOrBefore = (years: number): string => addMonths(today(), -12 * years);

@Resolver(() => Resident)
export class ResidentResolver {
  @Query(() => ResidentConnection, { description: '居民列表 / Residents within a node of the tree' })
  @Requires(P['resident:read'])
  async residents(@Arg('filter', () => ResidentFilter) filter: ResidentFilter, @Args() page: PageArgs, @Ctx() ctx: CoreContext,
    @Arg('orderBy', () => NameOrder, { nullable: true }) orderBy?: NameOrder) {
    new InputCheck()
      .int('filter.ageMin', filter.ageMin, { min: 0, max: 150, optional: true })
      .int('filter.ageMax', filter.ageMax, { min: 0, max: 150, optional: true })
      .done();
    const where: Record<string, unknown> = { ...(await withinNode(ctx, P['resident:read'], filter.within, 'filter.within')).where, ...scopeWhere(ctx.auth.scopeFilter(P['resident:read'])) };
    const and: Record<string, unknown>[] = [];
    if (filter.careTags?.length) and.push({ careTags: { $contains: filter.careTags } });
    if (filter.anyCareTags?.length) and.push({ careTags: { $overlap: filter.anyCareTags } });
    if (filter.nameContains) and.push({ name: { $ilike: likePattern(filter.nameContains) } });
    if (filter.ageMin != null) and.push({ birthDate: { $lte: bornOnOrBefore(filter.ageMin) } });
    if (filter.ageMax != null) and.push({ birthDate: { $gt: bornOnOrBefore(filter.ageMax + 1) } });
    if (and.length) where.$and = and;
    return keysetPage(em(ctx), ResidentEntity, { where, sortBy: sortProp(orderBy), direction: orderBy?.direction, ...page });
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号：有查看权限时为完整号码，否则脱敏 / ID-card number; masked unless the caller may reveal it' })
  @Requires(P['resident:read'])
  idNumber(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext): string | null {
    return sensitive(ctx, r, 'idNumber', maskIdNumber);
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号：有查看权限时为完整号码，否则脱敏 / Mobile number; masked unless the caller may reveal it' })
  @Requires(P['resident:read'])
  phone(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext): string | null {
    return sensitive(ctx, r, 'phone', maskPhone);
  }

  @FieldResolver(() => District)
  @AsParent()
  district(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, r.districtId);
  }

  @FieldResolver(() => Street)
  @AsParent()
  street(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, StreetEntity, r.streetId);
  }

  @FieldResolver(() => Community)
  @AsParent()
  community(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, CommunityEntity, r.communityId);
  }

  @FieldResolver(() => Grid, { nullable: true })
  @AsParent()
  grid(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, GridEntity, r.gridId);
  }

  @Mutation(() => Resident, { description: '登记居民 / Register a resident' })
  @Requires(P['resident:write'])
  async createResident(@Arg('input') input: CreateResidentInput, @Ctx() ctx: CoreContext) {
    const community = await parentAt(ctx, P['resident:write'], CommunityEntity, 'Community', input.communityId, 'input.communityId');
    if (input.gridId) await ctx.auth.require(P['resident:write'], { ...nodeOf(community)!, gridId: decodeId(input.gridId, 'Grid') });
    return people.createResident(em(ctx), input);
  }

  @Mutation(() => Resident, { description: '修改居民信息 / Update a resident' })
  @Requires(P['resident:write'])
  async updateResident(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateResidentInput, @Ctx() ctx: CoreContext) {
    return people.updateResident(em(ctx), await mustLoadAt(ctx, P['resident:write'], ResidentEntity, 'Resident', id), input);
  }
}

/** Unmasked only for callers holding `core:resident:reveal` at the resident's node; every reveal is audited. */
function sensitive(ctx: CoreContext, r: ResidentEntity, field: 'idNumber' | 'phone', mask: (v: string) => string): string | null {
  const value = r[field];
  if (!value) return null;
  if (!ctx.auth.allows(P['resident:reveal'], nodeOf(r)!)) return mask(value);
  ctx.audit.record({ action: `resident.reveal.${field}`, objectType: 'Resident', objectId: r.id, districtId: r.districtId });
  return value;
}
