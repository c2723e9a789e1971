import { randomUUID } from 'node:crypto';
import { DateTimeISO, EncryptedText, Entity, Field, ObjectType, OptionalProps, PrimaryKey, Property } from '@gongzhi/plugin-sdk';

/** One mediation session of a case; its notes are personal (encrypted, for those who run the case). */
@Entity({ tableName: 'la_mediation_session' })
@ObjectType({ description: '调解记录 / One mediation session' })
export class MediationSession {
  [OptionalProps]?: 'id' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) mediationId!: string;
  /** The day it was held, YYYY-MM-DD (district calendar). */
  @Field({ description: '调解日期 / Held on, YYYY-MM-DD' }) @Property({ type: 'date', columnType: 'date' }) heldOn!: string;
  @Property({ type: EncryptedText }) notes!: string;
  @Property({ type: 'uuid' }) recordedByAccountId!: string;
  @Field(() => DateTimeISO, { description: '记录时间 / Recorded at' }) @Property({ type: 'datetime', columnType: 'timestamptz' }) createdAt: Date = new Date();
}
