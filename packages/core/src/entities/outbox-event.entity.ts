import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
// The outbox row itself is mapped in the SDK (OutboxEventSchema), next to `emit`.

/** Per-handler processing record: makes handlers idempotent and keeps failures visible. */
@Entity({ tableName: 'event_handling' })
export class EventHandlingEntity {
  [OptionalProps]?: 'id' | 'seq' | 'streetId' | 'communityId' | 'occurredAt' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'updatedAt';
  @PrimaryKey({ type: 'text' }) handler!: string;
  @PrimaryKey({ type: 'bigint' }) eventSeq!: string;
  @Property({ type: 'text' }) status!: 'DONE' | 'SKIPPED' | 'RETRYING' | 'PARKED';
  @Property({ type: 'integer' }) attempts: number = 0;
  @Property({ type: 'text', nullable: true }) lastError: string | null = null;
  @Property({ type: 'datetime', nullable: true }) nextAttemptAt: Date | null = null;
  @Property({ type: 'datetime' }) updatedAt: Date = new Date();
}
