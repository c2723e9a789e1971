import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { I18nText } from '../graphql/platform.type';
import { CareTagCount } from '../graphql/stats.type';

@ObjectType({ description: '看板数字 / One figure of a dashboard section' })
export class DashboardFigureItem {
  @Field() key!: string;
  @Field(() => I18nText) label!: I18nText;
  @Field(() => Float) value!: number;
}

@ObjectType({ description: '项目看板栏目 / The section a program adds to the dashboard' })
export class DashboardSectionItem {
  @Field({ description: '项目标识 / Program key' }) program!: string;
  @Field(() => I18nText) title!: I18nText;
  @Field(() => [DashboardFigureItem]) figures!: DashboardFigureItem[];
}

@ObjectType({ description: '辖区实时看板快照（同一节点的订阅者共享）/ Live figures of a tree node, shared by its subscribers' })
export class DashboardSnapshot {
  @Field(() => ID, { description: '区/街道/社区 / District, street or community' }) node!: string;
  @Field({ description: 'DISTRICT, STREET or COMMUNITY' }) level!: string;
  @Field() name!: string;
  @Field(() => Int, { description: '居民数 / Residents' }) residentCount!: number;
  @Field(() => [CareTagCount], { description: '各关爱标签居民数（当前）/ Residents per care tag, now' }) careTagCounts!: CareTagCount[];
  @Field(() => [DashboardSectionItem], { description: '已启用项目的栏目 / A section per enabled program' }) sections!: DashboardSectionItem[];
  @Field({ description: '已计入的最后事件游标 / Cursor of the last event the figures include' }) cursor!: string;
  @Field(() => GraphQLDateTimeISO) computedAt!: Date;
  @Field(() => Int, { description: '该节点第几次计算 / Computation number for this node' }) version!: number;
}
