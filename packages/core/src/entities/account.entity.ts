import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A login. What it may do comes from its role grants. */
@Entity({ tableName: 'account' })
export class AccountEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'passwordHash' | 'externalSubject' | 'residentId' | 'disabled';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'text' }) username!: string;
  @Property({ type: 'text' }) displayName!: string;
  @Property({ type: 'text', nullable: true, hidden: true }) passwordHash: string | null = null;
  @Property({ type: 'text', nullable: true }) externalSubject: string | null = null;
  @Property({ type: 'uuid', nullable: true }) residentId: string | null = null;
  @Property({ type: 'boolean' }) disabled: boolean = false;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
