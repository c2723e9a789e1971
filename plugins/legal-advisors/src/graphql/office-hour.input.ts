import { DateTimeISO, Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';
import { LegalCategory } from './legal-enums.type';

@InputType({ description: '安排一次坐班 / Schedule one office hour' })
export class ScheduleLegalOfficeHourInput {
  @Field(() => ID, { description: '社区 / Community' }) communityId!: string;
  @Field(() => DateTimeISO, { description: '开始 / Starts at' }) startsAt!: Date;
  @Field(() => DateTimeISO, { description: '结束 / Ends at' }) endsAt!: Date;
  @Field(() => Int, { description: '名额 / Places' }) capacity!: number;
  @Field(() => String, { nullable: true, description: '地点 / Where' }) location?: string | null;
}

@InputType({ description: '每周坐班安排 / A weekly office hour of a community' })
export class AddLegalOfficeHourPatternInput {
  @Field(() => ID, { description: '社区 / Community' }) communityId!: string;
  @Field(() => Int, { description: '星期（1=星期一 … 7=星期日）/ ISO weekday, 1 = Monday' }) weekday!: number;
  @Field({ description: '开始 HH:MM（北京时间）/ Start, HH:MM Beijing time' }) startTime!: string;
  @Field({ description: '结束 HH:MM / End, HH:MM' }) endTime!: string;
  @Field(() => Int, { description: '名额 / Places' }) capacity!: number;
  @Field(() => String, { nullable: true, description: '地点 / Where' }) location?: string | null;
}

@InputType({ description: '按每周安排生成坐班 / Make dated office hours from the weekly pattern' })
export class GenerateLegalOfficeHoursInput {
  @Field(() => ID, { description: '社区 / Community' }) communityId!: string;
  @Field({ description: '首日 YYYY-MM-DD / First day' }) from!: string;
  @Field({ description: '末日（含，最多92天）YYYY-MM-DD / Last day, inclusive, at most 92 days' }) to!: string;
}

@InputType({ description: '取消坐班 / Cancel an office hour' })
export class CancelLegalOfficeHourInput {
  @Field(() => ID, { description: '坐班 / Office hour' }) officeHourId!: string;
  @Field({ description: '原因（会通知已预约居民）/ Why (told to the residents who booked)' }) reason!: string;
}

@InputType({ description: '预约坐班 / Book a place in an office hour' })
export class BookLegalOfficeHourInput {
  @Field(() => ID, { description: '坐班 / Office hour' }) officeHourId!: string;
  @Field(() => ID, { nullable: true, description: '居民；省略时为本人 / The resident; omit to book for yourself' }) residentId?: string | null;
  @Field(() => LegalCategory, { description: '事务类别（具体内容在咨询中保密记录）/ Category (the matter itself is told in the confidential consultation)' }) category!: LegalCategory;
}
