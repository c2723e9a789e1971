import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { StreetKind } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'street' })
export class StreetEntity {
  [OptionalProps]?: 'id' | 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: () => StreetKind, type: 'text' }) kind!: StreetKind;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
