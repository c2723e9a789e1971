import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { AsParent, CARE_TAG_LABELS, CareTag, MaxItems } from '@gongzhi/plugin-sdk';
import { I18nText } from './platform.type';
import { StatsService } from '../services/stats.service';
import type { TreeLevel } from '../services/tree.service';
import type { CoreContext } from './core-context';

@ObjectType({ description: '按关爱标签计数 / Count of residents with a care tag' })
export class CareTagCount {
  @Field(() => CareTag) tag!: CareTag;
  @Field(() => Int) count!: number;
}

@Resolver(() => CareTagCount)
export class CareTagCountResolver {
  @FieldResolver(() => I18nText, { description: '标签名称 / The tag in both languages' })
  @AsParent()
  label(@Root() c: CareTagCount): I18nText {
    return CARE_TAG_LABELS[c.tag];
  }
}

/** Figures for one node of the tree, read from the rollups: one statement per batch of nodes for all its fields. */
@ObjectType({ description: '辖区统计（SQL汇总）/ Figures for a node of the territory tree' })
export class TreeStats {
  level!: TreeLevel;
  id!: string;
}

export const statsOf = (level: TreeLevel, id: string): TreeStats => Object.assign(new TreeStats(), { level, id });

const stats = (ctx: CoreContext) => new StatsService(ctx.em as never, ctx.loaders);

@Resolver(() => TreeStats)
export class TreeStatsResolver {
  @FieldResolver(() => Int, { description: '居民数 / Residents' })
  @AsParent()
  residentCount(@Root() s: TreeStats, @Ctx() ctx: CoreContext) {
    return stats(ctx).residentCount(s.level, s.id);
  }

  @FieldResolver(() => Int, { description: '户数（网格登记）/ Households registered in grids' })
  @AsParent()
  households(@Root() s: TreeStats, @Ctx() ctx: CoreContext) {
    return stats(ctx).households(s.level, s.id);
  }

  @FieldResolver(() => Int, { description: '社区/村数 / Communities and villages' })
  @AsParent()
  communityCount(@Root() s: TreeStats, @Ctx() ctx: CoreContext) {
    return stats(ctx).communityCount(s.level, s.id);
  }

  @FieldResolver(() => Int, { description: '网格数 / Grids' })
  @AsParent()
  gridCount(@Root() s: TreeStats, @Ctx() ctx: CoreContext) {
    return stats(ctx).gridCount(s.level, s.id);
  }

  @FieldResolver(() => [CareTagCount], { description: '各关爱标签居民数 / Residents per care tag' })
  @AsParent()
  @MaxItems({ max: Object.keys(CARE_TAG_LABELS).length })
  careTagCounts(@Root() s: TreeStats, @Ctx() ctx: CoreContext) {
    return stats(ctx).careTagCounts(s.level, s.id);
  }
}
