import { Field, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTimeISO as DateTimeISO, GraphQLLocalDate as LocalDate } from 'graphql-scalars';
import { Node } from './node';
import { CareTag, CertificationLevel, EmployerKind, Gender, OrgCategory, OrgRegistration, PostType } from './enums';

@ObjectType({ implements: Node, description: '居民 / Resident' })
export class Resident extends Node {
  @Field() name!: string;
  @Field(() => Gender) gender!: Gender;
  @Field(() => LocalDate, { description: '出生日期 / Birth date' }) birthDate!: string;
  @Field(() => Int, { description: '年龄（周岁）/ Age in full years' }) age!: number;
  @Field(() => [CareTag], { description: '关爱标签 / Care tags' }) careTags!: CareTag[];
  @Field(() => String, { nullable: true, description: '住址 / Address' }) address!: string | null;
  districtId!: string;
  streetId!: string;
  communityId!: string;
  gridId!: string | null;
  @Field(() => DateTimeISO) createdAt!: Date;
}

@ObjectType({ implements: Node, description: '社会组织 / Social organisation' })
export class SocialOrganization extends Node {
  @Field() name!: string;
  @Field(() => OrgRegistration) registration!: OrgRegistration;
  @Field(() => OrgCategory) category!: OrgCategory;
  @Field(() => String, { nullable: true, description: '统一社会信用代码 / Unified social credit code' }) creditCode!: string | null;
  districtId!: string;
  @Field(() => DateTimeISO) createdAt!: Date;
}

@ObjectType({ implements: Node, description: '社工 / Social worker' })
export class SocialWorker extends Node {
  @Field() name!: string;
  @Field(() => CertificationLevel) certification!: CertificationLevel;
  @Field(() => PostType) postType!: PostType;
  @Field(() => EmployerKind) employerKind!: EmployerKind;
  districtId!: string;
  employerOrganizationId!: string | null;
  employerCommunityId!: string | null;
  @Field(() => DateTimeISO) createdAt!: Date;
}
