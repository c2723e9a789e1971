import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { CARE_TAG_LABELS, MaxItems } from '@gongzhi/plugin-sdk';
import { I18nText } from '../graphql/platform.type';
import { CareTagCount } from '../graphql/stats.type';

/** The SDK's `DashboardUnit` values; GraphQL shows them upper-case. */
export enum DashboardUnitEnum { COUNT = 'count', PERCENT = 'percent', HOURS = 'hours', FEN = 'fen' }
registerEnumType(DashboardUnitEnum, {
  name: 'DashboardUnit',
  description: '看板数字的单位 / Unit of a dashboard figure',
  valuesConfig: {
    COUNT: { description: '个数 / A plain number' },
    PERCENT: { description: '百分比（0–100）/ Percent, 0–100' },
    HOURS: { description: '小时 / Hours' },
    FEN: { description: '金额（分；显示为元）/ Money in fen, shown in yuan' },
  },
});

@ObjectType({ description: '看板数字 / One figure of a dashboard section' })
export class DashboardFigureItem {
  @Field() key!: string;
  @Field(() => I18nText, { description: '名称（不含单位）/ Label, without the unit' }) label!: I18nText;
  @Field(() => Float, { description: '数值，单位见 unit / The number, in `unit`' }) value!: number;
  @Field(() => DashboardUnitEnum) unit!: DashboardUnitEnum;
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
  @Field(() => [CareTagCount], { description: '各关爱标签居民数（当前）/ Residents per care tag, now' })
  @MaxItems({ max: Object.keys(CARE_TAG_LABELS).length })
  careTagCounts!: CareTagCount[];
  @Field(() => [DashboardSectionItem], { description: '已启用项目的栏目 / A section per enabled program' }) sections!: DashboardSectionItem[];
  @Field({ description: '已计入的最后事件游标 / Cursor of the last event the figures include' }) cursor!: string;
  @Field(() => GraphQLDateTimeISO) computedAt!: Date;
  @Field(() => Int, { description: '该节点第几次计算 / Computation number for this node' }) version!: number;
}

@ObjectType({ description: '可打开看板的辖区节点 / A district, street or community whose dashboard the caller may open' })
export class DashboardNodeRef {
  @Field(() => ID) id!: string;
  @Field({ description: 'DISTRICT, STREET or COMMUNITY' }) level!: string;
  @Field() name!: string;
  @Field(() => ID, { nullable: true, description: '上级节点 / The parent node' }) parent!: string | null;
}
