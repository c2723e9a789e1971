import { Field, ID, InputType } from '@gongzhi/plugin-sdk';
import { NeedPriority, VentureCategory } from './grant-enums.type';

@InputType({ description: '提出需求 / Record a need' })
export class RecordVentureNeedInput {
  @Field(() => ID, { description: '轮次 / Round' }) roundId!: string;
  @Field(() => ID, { nullable: true, description: '社区（工作人员记录时必填；居民本人提出时省略）/ Community: given by workers, left out by a resident recording their own need' }) communityId?: string | null;
  @Field(() => VentureCategory, { description: '类别（须为轮次资助类别）/ Category, one the round funds' }) category!: VentureCategory;
  @Field({ description: '需求描述（最多500字）/ What is needed, at most 500 characters' }) description!: string;
}

@InputType({ description: '评估需求 / Assess a need' })
export class AssessVentureNeedInput {
  @Field(() => ID, { description: '需求 / Need' }) needId!: string;
  @Field(() => NeedPriority, { description: '优先级 / Priority' }) priority!: NeedPriority;
}

@InputType({ description: '合并重复需求 / Merge a duplicate need into another' })
export class MergeVentureNeedsInput {
  @Field(() => ID, { description: '重复的需求 / The duplicate' }) needId!: string;
  @Field(() => ID, { description: '保留的需求 / The need kept' }) intoNeedId!: string;
}
