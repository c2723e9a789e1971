import { DateTimeISO, Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';

@InputType({ description: '登记一次法治宣传 / Record a legal-education session' })
export class RecordLegalEducationSessionInput {
  @Field(() => ID, { description: '社区 / Community' }) communityId!: string;
  @Field(() => ID, { description: '主讲律师 / The lawyer who held it' }) lawyerId!: string;
  @Field({ description: '主题 / Topic' }) topic!: string;
  @Field(() => DateTimeISO, { description: '开始（已举行，一年内）/ Started at: held, within the past year' }) startsAt!: Date;
  @Field(() => DateTimeISO, { description: '结束（至多12小时）/ Ended at, at most 12 hours later' }) endsAt!: Date;
  @Field(() => String, { nullable: true, description: '地点 / Where' }) location?: string | null;
  @Field(() => Int, { description: '参加人数（0–5000，不少于关联居民数）/ How many attended: 0–5000, at least the residents linked' }) attendance!: number;
  @Field(() => [ID], { nullable: true, description: '参加的本区居民（可选，至多500）/ Residents of the district who attended, optional, at most 500' }) residentIds?: string[] | null;
}
