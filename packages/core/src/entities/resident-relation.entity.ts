import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type RelationKindValue = 'SPOUSE' | 'CHILD' | 'PARENT' | 'SIBLING' | 'GRANDCHILD' | 'OTHER_FAMILY' | 'GUARDIAN';
export type ConsentMethodValue = 'IN_PERSON' | 'WRITTEN' | 'GUARDIANSHIP_ORDER';
export type RelationEndValue = 'CONSENT_WITHDRAWN' | 'RELATIVE_STEPPED_BACK' | 'RECORDED_IN_ERROR' | 'OTHER';

/** `relativeId` may act for `residentId` (order meals, book, ask) while the relation is live. */
@Entity({ tableName: 'resident_relation' })
export class ResidentRelationEntity {
  [OptionalProps]?: 'id' | 'consentReference' | 'endedAt' | 'endedBy' | 'endReason';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  /** The person cared for (an elder, say), whose consent is on record. */
  @Property({ type: 'uuid' }) residentId!: string;
  /** The family member or guardian. */
  @Property({ type: 'uuid' }) relativeId!: string;
  @Property({ type: 'text' }) kind!: RelationKindValue;
  @Property({ type: 'text' }) consentMethod!: ConsentMethodValue;
  @Property({ type: 'text', nullable: true }) consentReference: string | null = null;
  @Property({ type: 'datetime' }) consentedAt!: Date;
  @Property({ type: 'uuid' }) recordedBy!: string;
  @Property({ type: 'datetime', nullable: true }) endedAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) endedBy: string | null = null;
  @Property({ type: 'text', nullable: true }) endReason: RelationEndValue | null = null;
}
