import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

/** Which programs a district runs: data, changed by mutation, no restart. */
@Entity({ tableName: 'program_enablement' })
export class ProgramEnablementEntity {
  [OptionalProps]?: 'id' | 'changedAt' | 'updatedAt';
  @PrimaryKey({ type: 'uuid' }) districtId!: string;
  @PrimaryKey({ type: 'text' }) program!: string;
  @Property({ type: 'boolean' }) enabled!: boolean;
  @Property({ type: 'datetime' }) changedAt: Date = new Date();
  @Property({ type: 'text' }) changedBy!: string;
}

/** Append-only history of enablement changes (who, when). */
@Entity({ tableName: 'program_enablement_change' })
export class ProgramEnablementChangeEntity {
  [OptionalProps]?: 'id' | 'changedAt' | 'updatedAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'text' }) program!: string;
  @Property({ type: 'boolean' }) enabled!: boolean;
  @Property({ type: 'text' }) changedBy!: string;
  @Property({ type: 'datetime' }) changedAt: Date = new Date();
}

/** A plugin's settings for one district, over the plugin's defaults. */
@Entity({ tableName: 'program_setting' })
export class ProgramSettingEntity {
  [OptionalProps]?: 'id' | 'changedAt' | 'updatedAt';
  @PrimaryKey({ type: 'uuid' }) districtId!: string;
  @PrimaryKey({ type: 'text' }) program!: string;
  @Property({ type: 'json' }) values!: Record<string, unknown>;
  @Property({ type: 'datetime' }) updatedAt: Date = new Date();
  @Property({ type: 'text' }) updatedBy!: string;
}
