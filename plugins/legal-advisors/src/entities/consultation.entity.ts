import { randomUUID } from 'node:crypto';
import {
  DateTimeISO, EncryptedText, Entity, Enum, Field, ID, Int, Node, ObjectType, OptionalProps, PrimaryKey, Property,
} from '@gongzhi/plugin-sdk';
import { ConsultationStatus, LegalCategory, Referral } from '../graphql/legal-enums.type';

/**
 * A resident's legal matter with their community's advisor. Metadata (category, status, dates,
 * community) is for the program's staff; `question`, `advice` and `ratingComment` are
 * confidential: encrypted at rest and shown by field resolvers to the resident, the assigned
 * advisor and legal-services staff only, each read audited.
 */
@Entity({ tableName: 'la_consultation' })
@ObjectType({ implements: Node, description: '法律咨询 / A resident\'s legal consultation (content confidential)' })
export class LegalConsultation {
  [OptionalProps]?: 'id' | 'status' | 'referredTo' | 'advice' | 'bookingId' | 'requestedAt' | 'scheduledFor' | 'scheduledAt'
    | 'startedAt' | 'concludedAt' | 'closedAt' | 'rating' | 'ratingComment';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) residentId!: string;
  @Property({ type: 'uuid' }) lawyerId!: string;
  @Property({ type: 'uuid', nullable: true }) bookingId: string | null = null;
  @Field(() => LegalCategory, { description: '类别 / Category' }) @Enum({ items: () => LegalCategory, type: 'text' }) category!: LegalCategory;
  @Field(() => ConsultationStatus, { description: '状态 / State' })
  @Enum({ items: () => ConsultationStatus, type: 'text' }) status: ConsultationStatus = ConsultationStatus.REQUESTED;
  @Field(() => Referral, { nullable: true, description: '转介去向 / Referred to' })
  @Enum({ items: () => Referral, type: 'text', nullable: true }) referredTo: Referral | null = null;
  @Property({ type: EncryptedText }) question!: string;
  @Property({ type: EncryptedText, nullable: true }) advice: string | null = null;
  @Property({ type: 'uuid' }) requestedByAccountId!: string;
  @Field({ description: '由工作人员代为申请 / Asked for by a worker on the resident\'s behalf' }) @Property({ type: 'boolean' }) onBehalf!: boolean;
  @Field(() => DateTimeISO, { description: '申请时间 / Requested at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) requestedAt: Date = new Date();
  @Field(() => DateTimeISO, { nullable: true, description: '约定咨询时间 / When it is to take place' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) scheduledFor: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '约定于 / Scheduled at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) scheduledAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '开始于 / Started at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) startedAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '解答或转介于 / Resolved or referred at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) concludedAt: Date | null = null;
  @Field(() => DateTimeISO, { nullable: true, description: '评价结案于 / Rated and closed at' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true }) closedAt: Date | null = null;
  @Field(() => Int, { nullable: true, description: '居民评分 1–5 / The resident\'s rating, 1–5' })
  @Property({ type: 'smallint', nullable: true }) rating: number | null = null;
  @Property({ type: EncryptedText, nullable: true }) ratingComment: string | null = null;
}
