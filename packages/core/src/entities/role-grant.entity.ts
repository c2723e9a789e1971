import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ScopeLevel } from '@gongzhi/plugin-sdk';

/** A role held at a node of the tree (or an organisation), covering everything below it. */
@Entity({ tableName: 'role_grant' })
export class RoleGrantEntity {
  [OptionalProps]?: 'id' | 'grantedAt' | 'grantedBy' | 'revokedAt' | 'revokedBy' | 'scopeId' | 'districtId';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) accountId!: string;
  @Property({ type: 'text' }) role!: string;
  @Property({ type: 'text' }) scopeLevel!: ScopeLevel;
  /** null only for PLATFORM grants. */
  @Property({ type: 'uuid', nullable: true }) districtId: string | null = null;
  /** The street, community, grid or organisation id (null at DISTRICT and PLATFORM level). */
  @Property({ type: 'uuid', nullable: true }) scopeId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) grantedBy: string | null = null;
  @Property({ type: 'datetime' }) grantedAt: Date = new Date();
  @Property({ type: 'uuid', nullable: true }) revokedBy: string | null = null;
  @Property({ type: 'datetime', nullable: true }) revokedAt: Date | null = null;
}
