import { Field, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO, GraphQLJSONObject } from 'graphql-scalars';
import { District } from '@gongzhi/plugin-sdk';

@ObjectType({ description: '双语名称 / Bilingual label' })
export class I18nText {
  @Field() zh!: string;
  @Field() en!: string;
}

@ObjectType({ description: '已加载的项目插件 / A loaded program plugin' })
export class PluginInfo {
  @Field({ description: '项目标识 / Program key' }) name!: string;
  @Field() version!: string;
  @Field({ description: '兼容的核心版本范围 / Core semver range' }) compatibility!: string;
  @Field(() => I18nText) title!: I18nText;
  @Field(() => [String]) dependsOn!: string[];
  @Field(() => [String]) optionalDependsOn!: string[];
  @Field(() => [District], { description: '启用该项目的区 / Districts running it' }) districts!: District[];
}

@ObjectType({ description: '平台信息 / Platform information' })
export class Platform {
  @Field({ description: '核心版本 / Core version' }) coreVersion!: string;
  @Field(() => [PluginInfo]) plugins!: PluginInfo[];
}

@ObjectType({ description: '项目启停记录 / One change of a program\'s enablement in a district' })
export class ProgramChange {
  @Field() program!: string;
  @Field() enabled!: boolean;
  @Field(() => GraphQLDateTimeISO) changedAt!: Date;
  @Field() changedBy!: string;
}

@ObjectType({ description: '某区某项目的启用状态 / A program in a district' })
export class ProgramStatus {
  @Field() program!: string;
  @Field(() => I18nText) title!: I18nText;
  @Field() enabled!: boolean;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) changedAt!: Date | null;
  @Field(() => String, { nullable: true }) changedBy!: string | null;
}

@ObjectType({ description: '某区某项目的设置 / Settings of a program in a district' })
export class ProgramSettings {
  @Field() program!: string;
  @Field(() => GraphQLJSONObject, { description: '生效值（含默认）/ Effective values, defaults included' }) values!: Record<string, unknown>;
  @Field(() => GraphQLJSONObject, { description: '默认值 / Defaults' }) defaults!: Record<string, unknown>;
}
