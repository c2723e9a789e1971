import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  Community, Connection, District, Grid, PageArgs, Resident, Street, InputCheck, keysetPage, maskIdNumber, maskPhone,
} from '@gongzhi/plugin-sdk';
import { CommunityEntity, DistrictEntity, GridEntity, ResidentEntity, StreetEntity } from '../entities';
import { PeopleService } from '../services/people.service';
import { treeFilter } from '../services/tree.service';
import { shanghaiDate } from '../util/dates';
import { CreateResidentInput, UpdateResidentInput } from './people.input';
import { NameOrder, ResidentFilter, likePattern, sortProp } from './filters.input';
import { em, load, mustLoad } from './load';
import type { CoreContext } from './core-context';

const ResidentConnection = Connection(Resident, 'Resident');
const people = new PeopleService();

/** Latest birth date of someone at least `years` old today (Asia/Shanghai). */
function bornOnOrBefore(years: number): string {
  const t = shanghaiDate(new Date());
  const y = String(t.y - years).padStart(4, '0');
  const md = `${String(t.m).padStart(2, '0')}-${String(t.d).padStart(2, '0')}`;
  return `${y}-${md === '02-29' ? '02-28' : md}`;
}

@Resolver(() => Resident)
export class ResidentResolver {
  @Query(() => ResidentConnection, { description: '居民列表 / Residents within a node of the tree' })
  residents(@Arg('filter', () => ResidentFilter) filter: ResidentFilter, @Args() page: PageArgs, @Ctx() ctx: CoreContext,
    @Arg('orderBy', () => NameOrder, { nullable: true }) orderBy?: NameOrder) {
    new InputCheck()
      .int('filter.ageMin', filter.ageMin, { min: 0, max: 150, optional: true })
      .int('filter.ageMax', filter.ageMax, { min: 0, max: 150, optional: true })
      .done();
    const where: Record<string, unknown> = { ...treeFilter(filter.within).where };
    const and: Record<string, unknown>[] = [];
    if (filter.careTags?.length) and.push({ careTags: { $contains: filter.careTags } });
    if (filter.anyCareTags?.length) and.push({ careTags: { $overlap: filter.anyCareTags } });
    if (filter.nameContains) and.push({ name: { $ilike: likePattern(filter.nameContains) } });
    if (filter.ageMin != null) and.push({ birthDate: { $lte: bornOnOrBefore(filter.ageMin) } });
    if (filter.ageMax != null) and.push({ birthDate: { $gt: bornOnOrBefore(filter.ageMax + 1) } });
    if (and.length) where.$and = and;
    return keysetPage(em(ctx), ResidentEntity, { where, sortBy: sortProp(orderBy), direction: orderBy?.direction, ...page });
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号（已脱敏）/ ID-card number, masked' })
  idNumber(@Root() r: ResidentEntity): string | null {
    return r.idNumber ? maskIdNumber(r.idNumber) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '手机号（已脱敏）/ Mobile number, masked' })
  phone(@Root() r: ResidentEntity): string | null {
    return r.phone ? maskPhone(r.phone) : null;
  }

  @FieldResolver(() => District)
  district(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, DistrictEntity, r.districtId);
  }

  @FieldResolver(() => Street)
  street(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, StreetEntity, r.streetId);
  }

  @FieldResolver(() => Community)
  community(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, CommunityEntity, r.communityId);
  }

  @FieldResolver(() => Grid, { nullable: true })
  grid(@Root() r: ResidentEntity, @Ctx() ctx: CoreContext) {
    return load(ctx, GridEntity, r.gridId);
  }

  @Mutation(() => Resident, { description: '登记居民 / Register a resident' })
  createResident(@Arg('input') input: CreateResidentInput, @Ctx() ctx: CoreContext) {
    return people.createResident(em(ctx), input);
  }

  @Mutation(() => Resident, { description: '修改居民信息 / Update a resident' })
  async updateResident(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateResidentInput, @Ctx() ctx: CoreContext) {
    return people.updateResident(em(ctx), await mustLoad(ctx, ResidentEntity, 'Resident', id), input);
  }
}
