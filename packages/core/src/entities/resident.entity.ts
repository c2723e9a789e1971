import { randomUUID } from 'node:crypto';
import { ArrayType, Entity, Enum, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { CareTag, Gender } from '@gongzhi/plugin-sdk';
import { ageOn } from '../util/dates';

@Entity({ tableName: 'resident' })
export class ResidentEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'gridId' | 'idNumber' | 'phone' | 'careTags' | 'address' | 'age';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid', nullable: true }) gridId: string | null = null;
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: () => Gender, type: 'text' }) gender!: Gender;
  /** `YYYY-MM-DD`. */
  @Property({ type: 'date', columnType: 'date' }) birthDate!: string;
  /** Sensitive (PIPL): never returned unmasked without the reveal permission. */
  @Property({ type: 'text', nullable: true, lazy: false }) idNumber: string | null = null;
  @Property({ type: 'text', nullable: true }) phone: string | null = null;
  @Property({ type: ArrayType, columnType: 'text[]' }) careTags: CareTag[] = [];
  @Property({ type: 'text', nullable: true }) address: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();

  get age(): number {
    return ageOn(this.birthDate, new Date());
  }
}
