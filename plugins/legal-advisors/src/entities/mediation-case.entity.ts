import { randomUUID } from 'node:crypto';
import {
  DateTimeISO, EncryptedText, Entity, Enum, Field, ID, Node, ObjectType, OptionalProps, PrimaryKey, Property,
} from '@gongzhi/plugin-sdk';
import { DisputeType, MediationReferral, MediationStatus } from '../graphql/mediation-enums.type';

/**
 * A dispute brought to mediation in a community. Metadata (type, state, dates, mediator) is for
 * the program's staff; `summary`, `outcomeNote`, the parties and session notes are personal and
 * shown by field resolvers only to those who run the case (see services/mediation-access.ts).
 */
@Entity({ tableName: 'la_mediation' })
@ObjectType({ implements: Node, description: '调解案件 / A mediation case' })
export class MediationCase {
  [OptionalProps]?: 'id' | 'status' | 'lawyerId' | 'mediatorName' | 'referredTo' | 'referralTarget' | 'outcomeNote' | 'openedAt' | 'startedAt' | 'concludedAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Field(() => DisputeType, { description: '纠纷类型 / Kind of dispute' }) @Enum({ items: () => DisputeType, type: 'text' }) disputeType!: DisputeType;
  @Property({ type: EncryptedText }) summary!: string;
  /** The mediating lawyer, or null when `mediatorName` names a people's mediator. */
  @Property({ type: 'uuid', nullable: true }) lawyerId: string | null = null;
  @Property({ type: 'text', nullable: true }) mediatorName: string | null = null;
  @Field(() => MediationStatus, { description: '状态 / State' })
  @Enum({ items: () => MediationStatus, type: 'text' }) status: MediationStatus = MediationStatus.OPEN;
  @Field(() => MediationReferral, { nullable: true, description: '转介去向 / Referred to' })
  @Enum({ items: () => MediationReferral, type: 'text', nullable: true }) referredTo: MediationReferral | null = null;
  @Field(() => String, { nullable: true, description: '转介机构名称 / The body it was referred to' })
  @Property({ type: 'text', nullable: true }) referralTarget: string | null = null;
  @Property({ type: EncryptedText, nullable: true }) outcomeNote: string | null = null;
  @Property({ type: 'uuid' }) openedByAccountId!: string;
  @Field(() => DateTimeISO, { description: '受理时间 / Opened at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) openedAt: Date = new Date();
  @Field(() => DateTimeISO, { nullable: true, description: '首次调解 / First session recorded at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) startedAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '结案时间 / Concluded or withdrawn at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) concludedAt: Date | null = null;
}
