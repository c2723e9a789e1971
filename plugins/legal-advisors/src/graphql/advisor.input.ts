import { Field, ID, InputType } from '@gongzhi/plugin-sdk';
import { LegalOfficeKind } from '../entities/legal-office.entity';

@InputType({ description: '新建法律服务机构 / Create a legal-service office' })
export class CreateLegalOfficeInput {
  @Field(() => ID, { description: '所属区 / District' }) districtId!: string;
  @Field(() => LegalOfficeKind, { description: '类别 / Kind' }) kind!: LegalOfficeKind;
  @Field({ description: '名称 / Name' }) name!: string;
  @Field(() => String, { nullable: true, description: '地址 / Address' }) address?: string | null;
  @Field(() => String, { nullable: true, description: '办公电话 / Office phone' }) phone?: string | null;
}

@InputType({ description: '登记律师 / Register a lawyer of an office' })
export class RegisterLawyerInput {
  @Field(() => ID, { description: '所属机构 / Office' }) officeId!: string;
  @Field({ description: '姓名 / Name' }) name!: string;
  @Field({ description: '执业证号（17位）/ Practising certificate number (17 digits)' }) certificateNumber!: string;
  @Field(() => String, { nullable: true, description: '手机号 / Mobile number' }) phone?: string | null;
  @Field(() => [String], { nullable: true, description: '专长领域 / Specialities' }) specialities?: string[] | null;
}

@InputType({ description: '聘任社区法律顾问 / Start a lawyer\'s term as a community\'s advisor' })
export class AssignLegalAdvisorInput {
  @Field(() => ID, { description: '社区 / Community' }) communityId!: string;
  @Field(() => ID, { description: '律师 / Lawyer' }) lawyerId!: string;
  @Field({ description: '起始日期 / First day (YYYY-MM-DD)' }) startsOn!: string;
  @Field(() => String, { nullable: true, description: '结束日期（不含），默认按区设定的聘期 / Day the term ends (exclusive); default: the district\'s term length' }) endsOn?: string | null;
}

@InputType({ description: '更换社区法律顾问 / Replace a community\'s advisor' })
export class ReplaceLegalAdvisorInput {
  @Field(() => ID, { description: '社区 / Community' }) communityId!: string;
  @Field(() => ID, { description: '新任律师 / The new advisor' }) lawyerId!: string;
  @Field(() => String, { nullable: true, description: '新任首日，默认今天 / First day of the new advisor (default today)' }) on?: string | null;
  @Field(() => String, { nullable: true, description: '更换原因 / Why' }) reason?: string | null;
}

@InputType({ description: '结束法律顾问聘期 / End an advisor\'s term' })
export class EndLegalAdvisorTermInput {
  @Field(() => ID, { description: '聘期 / The term' }) assignmentId!: string;
  @Field(() => String, { nullable: true, description: '结束日期（不含），默认今天 / Day it ends (exclusive), default today' }) endsOn?: string | null;
  @Field({ description: '原因 / Why' }) reason!: string;
}
