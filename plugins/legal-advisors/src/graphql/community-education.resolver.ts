import { Arg, Community, Ctx, FieldResolver, InputCheck, Requires, Resolver, Root, addDays, isValidDate, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { LegalEducationSession } from '../entities/education-session.entity';
import { perms } from '../permissions';
import { allow } from '../services/access';
import { sessionsOfCommunity } from '../services/education-reads';
import { nodeOfCommunity } from '../services/tree';

const MAX_DAYS = 366;

@Resolver(() => Community)
export class CommunityEducationResolver {
  @Requires(perms['education:read'])
  @FieldResolver(() => [LegalEducationSession], { description: '法治宣传活动（按日期，最多366天）/ Legal-education sessions on the days from … to (at most 366)' })
  async legalEducationSessions(
    @Root() c: Community, @Ctx() ctx: GongzhiContext,
    @Arg('from', { description: '首日 YYYY-MM-DD / First day' }) from: string,
    @Arg('to', { description: '末日（含）YYYY-MM-DD / Last day, inclusive' }) to: string,
  ) {
    await allow(ctx, perms['education:read'], nodeOfCommunity(c));
    new InputCheck().check(isValidDate(from), 'from', 'must be a date YYYY-MM-DD').check(isValidDate(to), 'to', 'must be a date YYYY-MM-DD').done();
    new InputCheck().check(to >= from && to <= addDays(from, MAX_DAYS - 1), 'to', `must be on or after from, at most ${MAX_DAYS} days`).done();
    return sessionsOfCommunity(ctx, c.id, from, to);
  }
}
