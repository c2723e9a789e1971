import { Arg, Community, Ctx, FieldResolver, Requires, Resolver, Root, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { MediationCase } from '../entities/mediation-case.entity';
import { perms } from '../permissions';
import { allow } from '../services/access';
import { casesOfCommunity } from '../services/mediation-reads';
import { nodeOfCommunity } from '../services/tree';

@Resolver(() => Community)
export class CommunityMediationResolver {
  @Requires(perms['mediation:read'])
  @FieldResolver(() => [MediationCase], { description: '调解案件（默认仅未结案；概况）/ Mediation cases, open ones by default; metadata for every reader' })
  async mediationCases(@Root() c: Community, @Ctx() ctx: GongzhiContext,
    @Arg('openOnly', { defaultValue: true, description: '仅未结案 / Open ones only' }) openOnly: boolean) {
    await allow(ctx, perms['mediation:read'], nodeOfCommunity(c));
    return casesOfCommunity(ctx, c.id, openOnly);
  }
}
