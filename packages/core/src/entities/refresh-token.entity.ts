import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** One rotation of a refresh-token family; only the hash is stored. */
@Entity({ tableName: 'refresh_token' })
export class RefreshTokenEntity {
  [OptionalProps]?: 'createdAt' | 'usedAt' | 'revokedAt';
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) accountId!: string;
  @Property({ type: 'uuid' }) familyId!: string;
  @Property({ type: 'text' }) tokenHash!: string;
  @Property({ type: 'datetime' }) expiresAt!: Date;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) usedAt: Date | null = null;
  @Property({ type: 'datetime', nullable: true }) revokedAt: Date | null = null;
}
