import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, type GongzhiContext, AsParent, Requires, byId } from '@gongzhi/plugin-sdk';
import { perms } from '../permissions';
import { Canteen } from '../entities/canteen.entity';
import { DiningDish } from '../entities/dish.entity';
import { DiningMenu } from '../entities/menu.entity';
import { dishesByMenu, publishMenu, saveMenu } from '../services/menu.service';
import { SaveMenuInput } from './menu.input';

@Resolver(() => DiningMenu)
export class MenuResolver {
  @Requires(perms['menu:manage'])
  @Mutation(() => DiningMenu, { description: '保存菜单草稿 / Save a draft menu' })
  saveDiningMenu(@Arg('input', () => SaveMenuInput, { description: '输入 / Input' }) input: SaveMenuInput, @Ctx() ctx: GongzhiContext) {
    return saveMenu(ctx, input);
  }

  @Requires(perms['menu:manage'])
  @Mutation(() => DiningMenu, { description: '发布菜单，发布后可订餐 / Publish a menu: elders can then order from it' })
  publishDiningMenu(@Arg('id', () => ID, { description: '全局ID / Global id' }) id: string, @Ctx() ctx: GongzhiContext) {
    return publishMenu(ctx, id);
  }

  @AsParent()
  @FieldResolver(() => [DiningDish], { description: '菜品 / Dishes' })
  dishes(@Root() menu: DiningMenu, @Ctx() ctx: GongzhiContext) {
    return dishesByMenu(ctx).load(menu.id);
  }

  @AsParent()
  @FieldResolver(() => Canteen, { description: '食堂 / Canteen' })
  canteen(@Root() menu: DiningMenu, @Ctx() ctx: GongzhiContext) {
    return byId(ctx, Canteen).load(menu.canteenId);
  }
}
