import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { RelationKind } from '@gongzhi/plugin-sdk';

export enum ConsentMethod { IN_PERSON = 'IN_PERSON', WRITTEN = 'WRITTEN', GUARDIANSHIP_ORDER = 'GUARDIANSHIP_ORDER' }
export enum RelationEndReason { CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN', RELATIVE_STEPPED_BACK = 'RELATIVE_STEPPED_BACK', RECORDED_IN_ERROR = 'RECORDED_IN_ERROR', OTHER = 'OTHER' }

registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: '居民同意的方式 / How the resident consented',
  valuesConfig: {
    IN_PERSON: { description: '本人当面确认（社区工作人员登记）/ In person, recorded by staff' },
    WRITTEN: { description: '书面授权（需填写文书编号）/ Written authorisation (reference required)' },
    GUARDIANSHIP_ORDER: { description: '监护文书（需填写文书编号）/ Guardianship order (reference required)' },
  },
});
registerEnumType(RelationEndReason, {
  name: 'RelationEndReason',
  description: '亲属关系结束原因 / Why a relation ended',
  valuesConfig: {
    CONSENT_WITHDRAWN: { description: '居民撤回同意 / The resident withdrew consent' },
    RELATIVE_STEPPED_BACK: { description: '亲属不再代办 / The relative stepped back' },
    RECORDED_IN_ERROR: { description: '登记有误 / Recorded in error' },
    OTHER: { description: '其他 / Other' },
  },
});

@ObjectType({ description: '亲属代办关系：亲属可代居民办理（如订餐、预约），经居民同意 / A relative who may act for a resident, with the resident\'s consent' })
export class ResidentRelation {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '被照顾的居民 / The resident cared for' }) residentId!: string;
  @Field({ description: '被照顾居民的姓名 / Their name' }) residentName!: string;
  @Field(() => ID, { description: '亲属（也是居民）/ The relative (a resident too)' }) relativeId!: string;
  @Field({ description: '亲属姓名 / The relative\'s name' }) relativeName!: string;
  @Field(() => RelationKind) kind!: RelationKind;
  @Field(() => ConsentMethod) consentMethod!: ConsentMethod;
  @Field(() => String, { nullable: true, description: '授权或监护文书编号 / Document reference' }) consentReference!: string | null;
  @Field(() => GraphQLDateTimeISO) consentedAt!: Date;
  @Field(() => GraphQLDateTimeISO, { nullable: true }) endedAt!: Date | null;
  @Field(() => RelationEndReason, { nullable: true }) endReason!: RelationEndReason | null;
}

@ObjectType({ description: '本人的亲属代办关系 / The caller\'s own relations' })
export class MyRelations {
  @Field(() => [ResidentRelation], { description: '我可代办的居民 / Residents I may act for' }) caresFor!: ResidentRelation[];
  @Field(() => [ResidentRelation], { description: '可代我办理的亲属 / Relatives who may act for me' }) caredBy!: ResidentRelation[];
}

@InputType({ description: '登记亲属代办关系 / Record a relative who may act for a resident' })
export class RecordResidentRelationInput {
  @Field(() => ID, { description: '被照顾的居民 / The resident cared for' }) residentId!: string;
  @Field(() => ID, { description: '亲属（同区居民）/ The relative, a resident of the same district' }) relativeId!: string;
  @Field(() => RelationKind) kind!: RelationKind;
  @Field(() => ConsentMethod) consentMethod!: ConsentMethod;
  @Field(() => String, { nullable: true, description: '书面授权或监护文书编号（当面确认时可空）/ Document reference; optional in person' }) consentReference?: string | null;
}
