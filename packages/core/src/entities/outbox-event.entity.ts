import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
// Class name must equal OUTBOX_ENTITY of the SDK: plugins emit by entity name.

/**
 * Events written in the same transaction as the data. `seq` is assigned after commit
 * by the single sequencer, so it grows in the order events became visible.
 */
@Entity({ tableName: 'outbox_event' })
export class OutboxEvent {
  [OptionalProps]?: 'id' | 'seq' | 'streetId' | 'communityId' | 'occurredAt' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'updatedAt';
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'bigint', nullable: true }) seq: string | null = null;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text' }) program!: string;
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid', nullable: true }) streetId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) communityId: string | null = null;
  @Property({ type: 'json' }) payload!: unknown;
  @Property({ type: 'datetime' }) occurredAt: Date = new Date();
}

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
