import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';

/** Append-only (a trigger refuses UPDATE and DELETE; the app role has no such grant). */
@Entity({ tableName: 'audit_log' })
export class AuditLogEntity {
  [OptionalProps]?: 'id' | 'at';
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @Property({ type: 'datetime' }) at: Date = new Date();
  @Property({ type: 'uuid', nullable: true }) accountId!: string | null;
  @Property({ type: 'text', nullable: true }) actor!: string | null;
  @Property({ type: 'text' }) action!: string;
  @Property({ type: 'text', nullable: true }) objectType!: string | null;
  @Property({ type: 'text', nullable: true }) objectId!: string | null;
  @Property({ type: 'uuid', nullable: true }) districtId!: string | null;
  @Property({ type: 'text' }) outcome!: AuditOutcome;
  @Property({ type: 'json', nullable: true }) detail!: Record<string, unknown> | null;
  @Property({ type: 'text', nullable: true }) requestId!: string | null;
}
