import { Community, Ctx, FieldResolver, Resolver, Root, type GongzhiContext, AsParent, requireAt } from '@gongzhi/plugin-sdk';
import { Canteen } from '../entities/canteen.entity';
import { perms } from '../permissions';
import { canteensByCommunity } from '../services/canteen-communities';

/** Adds `Community.canteens` to the core type: batched across every community of a list. */
@Resolver(() => Community)
export class CommunityCanteensResolver {
  @AsParent()
  @FieldResolver(() => [Canteen], { description: '服务本社区的长者食堂 / Elder canteens serving this community' })
  async canteens(@Root() community: Community, @Ctx() ctx: GongzhiContext): Promise<Canteen[]> {
    await requireAt(ctx, perms['canteen:read'], { districtId: community.districtId, streetId: community.streetId, communityId: community.id });
    return canteensByCommunity(ctx).load(community.id);
  }
}
