import { Field, ID, InputType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CareTag, CertificationLevel, Gender, OrgCategory, OrgRegistration, PostType } from '@gongzhi/plugin-sdk';

@InputType({ description: '新建居民 / New resident' })
export class CreateResidentInput {
  @Field(() => ID) communityId!: string;
  @Field(() => ID, { nullable: true }) gridId?: string | null;
  @Field() name!: string;
  @Field(() => Gender) gender!: Gender;
  @Field(() => GraphQLLocalDate) birthDate!: string;
  @Field(() => String, { nullable: true, description: '身份证号（18位）/ ID-card number' }) idNumber?: string | null;
  @Field(() => String, { nullable: true, description: '手机号 / Mobile number' }) phone?: string | null;
  @Field(() => [CareTag], { nullable: true }) careTags?: CareTag[] | null;
  @Field(() => String, { nullable: true }) address?: string | null;
}

@InputType({ description: '修改居民 / Resident changes' })
export class UpdateResidentInput {
  @Field(() => ID, { nullable: true }) communityId?: string | null;
  @Field(() => ID, { nullable: true }) gridId?: string | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Gender, { nullable: true }) gender?: Gender | null;
  @Field(() => GraphQLLocalDate, { nullable: true }) birthDate?: string | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [CareTag], { nullable: true }) careTags?: CareTag[] | null;
  @Field(() => String, { nullable: true }) address?: string | null;
}

@InputType({ description: '新建社会组织 / New social organisation' })
export class CreateSocialOrganizationInput {
  @Field(() => ID) districtId!: string;
  @Field() name!: string;
  @Field(() => OrgRegistration) registration!: OrgRegistration;
  @Field(() => OrgCategory) category!: OrgCategory;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field(() => [ID], { nullable: true, description: '服务的社区 / Communities served' }) communityIds?: string[] | null;
}

@InputType() export class UpdateSocialOrganizationInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => OrgRegistration, { nullable: true }) registration?: OrgRegistration | null;
  @Field(() => OrgCategory, { nullable: true }) category?: OrgCategory | null;
  @Field(() => String, { nullable: true }) creditCode?: string | null;
  @Field(() => [ID], { nullable: true }) communityIds?: string[] | null;
}

@InputType({ description: '新建社工 / New social worker' })
export class CreateSocialWorkerInput {
  @Field(() => ID) districtId!: string;
  @Field() name!: string;
  @Field(() => CertificationLevel) certification!: CertificationLevel;
  @Field(() => PostType) postType!: PostType;
  @Field(() => ID, { description: '用人单位：社会组织或社区 / Employer: organisation or community' }) employerId!: string;
}

@InputType() export class UpdateSocialWorkerInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => CertificationLevel, { nullable: true }) certification?: CertificationLevel | null;
  @Field(() => PostType, { nullable: true }) postType?: PostType | null;
  @Field(() => ID, { nullable: true }) employerId?: string | null;
}
