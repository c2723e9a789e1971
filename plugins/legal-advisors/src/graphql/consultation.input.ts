import { DateTimeISO, Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';
import { LegalCategory, Referral } from './legal-enums.type';

@InputType({ description: '申请法律咨询 / Ask the community\'s advisor for a consultation' })
export class RequestLegalConsultationInput {
  @Field(() => ID, { nullable: true, description: '居民；省略时为本人 / The resident; omit for yourself' }) residentId?: string | null;
  @Field(() => LegalCategory, { description: '类别 / Category' }) category!: LegalCategory;
  @Field({ description: '咨询事项（保密）/ The matter, confidential' }) question!: string;
  @Field(() => ID, { nullable: true, description: '对应的坐班预约 / The office-hour booking it belongs to' }) bookingId?: string | null;
}

@InputType({ description: '咨询流程的一步 / One step of a consultation' })
export class LegalConsultationStepInput {
  @Field(() => ID, { description: '咨询 / Consultation' }) consultationId!: string;
  @Field(() => DateTimeISO, { nullable: true, description: '约定时间（约时间时）/ When it takes place (schedule)' }) scheduledFor?: Date | null;
  @Field(() => String, { nullable: true, description: '解答意见（保密；解答或转介时）/ The advice, confidential (resolve, refer)' }) advice?: string | null;
  @Field(() => Referral, { nullable: true, description: '转介去向（转介时）/ Referred to (refer)' }) referredTo?: Referral | null;
  @Field(() => Int, { nullable: true, description: '评分 1–5（评价时）/ Rating 1–5 (rate)' }) rating?: number | null;
  @Field(() => String, { nullable: true, description: '评价意见（保密）/ Comment, confidential (rate)' }) comment?: string | null;
}
