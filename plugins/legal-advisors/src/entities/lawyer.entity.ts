import { randomUUID } from 'node:crypto';
import { BeforeCreate, BeforeUpdate, EncryptedText, Entity, Field, ID, Node, ObjectType, OptionalProps, PrimaryKey, Property, lookupHash, type EventArgs } from '@gongzhi/plugin-sdk';

/** A practising lawyer (or legal-service worker) of an office. */
@Entity({ tableName: 'la_lawyer' })
@ObjectType({ implements: Node, description: '律师（法律顾问）/ Lawyer serving as a community legal advisor' })
export class Lawyer {
  [OptionalProps]?: 'id' | 'createdAt' | 'phone' | 'phoneHash' | 'specialities' | 'accountId';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) officeId!: string;
  @Field({ description: '姓名 / Name' }) @Property({ type: 'text' }) name!: string;
  /** 执业证号: 17 digits, checked by `isValidCertificateNumber`. */
  @Field({ description: '执业证号 / Practising certificate number' }) @Property({ type: 'text' }) certificateNumber!: string;
  /** Personal data: encrypted at rest, shown masked except to those who manage advisors. */
  @Property({ type: EncryptedText, nullable: true }) phone: string | null = null;
  @Property({ type: 'text', nullable: true, hidden: true }) phoneHash: string | null = null;
  @Field(() => [String], { description: '专长领域 / Specialities' })
  @Property({ type: 'string[]', columnType: 'text[]' }) specialities: string[] = [];
  /** The lawyer's own sign-in, so they can read the consultations assigned to them. */
  @Property({ type: 'uuid', nullable: true }) accountId: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();

  @BeforeCreate()
  @BeforeUpdate()
  hashPhone({ em }: EventArgs<this>): void {
    this.phoneHash = this.phone ? lookupHash(em, this.phone) : null;
  }
}
