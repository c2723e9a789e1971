import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { CommunityKind } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'community' })
export class CommunityEntity {
  [OptionalProps]?: 'id' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: () => CommunityKind, type: 'text' }) kind!: CommunityKind;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
