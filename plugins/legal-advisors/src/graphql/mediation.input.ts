import { Field, ID, InputType } from '@gongzhi/plugin-sdk';
import { DisputeType, MediationOutcome, MediationReferral, PartySide } from './mediation-enums.type';

@InputType({ description: '调解当事人：本区居民，或区外人员（姓名与手机号）/ A party: a resident of the district, or an outside person by name and phone' })
export class MediationPartyInput {
  @Field(() => PartySide, { description: '申请人或被申请人 / Side' }) side!: PartySide;
  @Field(() => ID, { nullable: true, description: '居民 / Resident' }) residentId?: string | null;
  @Field(() => String, { nullable: true, description: '区外人员姓名 / Name of an outside person' }) name?: string | null;
  @Field(() => String, { nullable: true, description: '区外人员手机号 / Mobile number of an outside person' }) phone?: string | null;
}

@InputType({ description: '受理调解案件 / Open a mediation case' })
export class OpenMediationCaseInput {
  @Field(() => ID, { description: '社区 / Community' }) communityId!: string;
  @Field(() => DisputeType, { description: '纠纷类型 / Kind of dispute' }) disputeType!: DisputeType;
  @Field({ description: '案情摘要（个人信息）/ What the dispute is about; personal data' }) summary!: string;
  @Field(() => [MediationPartyInput], { description: '当事人（2–20，双方各至少一人）/ Parties, 2–20, at least one on each side' }) parties!: MediationPartyInput[];
  @Field(() => ID, { nullable: true, description: '调解律师（与调解员姓名二选一）/ The mediating lawyer; or give mediatorName' }) mediatorLawyerId?: string | null;
  @Field(() => String, { nullable: true, description: '人民调解员姓名 / A people\'s mediator by name; or give mediatorLawyerId' }) mediatorName?: string | null;
}

@InputType({ description: '记录一次调解 / Record a mediation session' })
export class RecordMediationSessionInput {
  @Field(() => ID, { description: '调解案件 / Case' }) caseId!: string;
  @Field({ description: '调解日期 YYYY-MM-DD / Held on' }) heldOn!: string;
  @Field({ description: '调解记录（个人信息）/ Notes; personal data' }) notes!: string;
}

@InputType({ description: '调解结案 / Conclude a mediation' })
export class ConcludeMediationCaseInput {
  @Field(() => ID, { description: '调解案件 / Case' }) caseId!: string;
  @Field(() => MediationOutcome, { description: '结果 / Outcome' }) outcome!: MediationOutcome;
  @Field({ description: '协议内容或调解不成的原因（个人信息）/ The agreement, or why none was reached; personal data' }) note!: string;
  @Field(() => MediationReferral, { nullable: true, description: '转介去向（转介时必填）/ Where it goes (required when referred)' }) referredTo?: MediationReferral | null;
  @Field(() => String, { nullable: true, description: '转介机构名称 / Name of the body it goes to' }) referralTarget?: string | null;
}

@InputType({ description: '撤回调解申请 / Withdraw a mediation' })
export class WithdrawMediationCaseInput {
  @Field(() => ID, { description: '调解案件 / Case' }) caseId!: string;
  @Field({ description: '原因 / Why' }) reason!: string;
}
