import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

@Entity({ tableName: 'grid' })
export class GridEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'leaderName' | 'households';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text', nullable: true }) leaderName: string | null = null;
  @Property({ type: 'integer' }) households: number = 0;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
