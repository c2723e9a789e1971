import {
  Arg, Community, Ctx, FieldResolver, InputCheck, Requires, Resolver, Root, addDays, isValidDate, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { OfficeHourPattern } from '../entities/office-hour-pattern.entity';
import { OfficeHour } from '../entities/office-hour.entity';
import { perms } from '../permissions';
import { nodeOfCommunity } from '../services/tree';
import { allow } from '../services/access';
import { officeHoursOfCommunity, patternsOfCommunity } from '../services/office-hour-reads';


/** `Community.legalOfficeHours` and the weekly pattern: batched over a page of communities. */
@Resolver(() => Community)
export class CommunityOfficeHoursResolver {
  @Requires(perms['advisor:read'])
  @FieldResolver(() => [OfficeHour], { description: '法律顾问坐班（按日期，最多92天）/ The advisor\'s office hours on the days from … to (at most 92)' })
  async legalOfficeHours(
    @Root() c: Community, @Ctx() ctx: GongzhiContext,
    @Arg('from', { description: '首日 YYYY-MM-DD / First day' }) from: string,
    @Arg('to', { description: '末日（含）YYYY-MM-DD / Last day, inclusive' }) to: string,
  ) {
    await allow(ctx, perms['advisor:read'], nodeOfCommunity(c));
    new InputCheck().check(isValidDate(from), 'from', 'must be a date YYYY-MM-DD').check(isValidDate(to), 'to', 'must be a date YYYY-MM-DD').done();
    new InputCheck().check(to >= from && to <= addDays(from, 91), 'to', 'must be on or after from, at most 92 days').done();
    return officeHoursOfCommunity(ctx, c.id, from, to);
  }

  @Requires(perms['advisor:read'])
  @FieldResolver(() => [OfficeHourPattern], { description: '每周坐班安排 / The weekly office hours' })
  async legalOfficeHourPatterns(@Root() c: Community, @Ctx() ctx: GongzhiContext) {
    await allow(ctx, perms['advisor:read'], nodeOfCommunity(c));
    return patternsOfCommunity(ctx, c.id);
  }
}
