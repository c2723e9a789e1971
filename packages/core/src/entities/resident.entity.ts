import { randomUUID } from 'node:crypto';
import { ArrayType, BeforeCreate, BeforeUpdate, Entity, Enum, PrimaryKey, Property, OptionalProps, type EventArgs } from '@mikro-orm/core';
import { CareTag, EncryptedText, Gender, ageOn, lookupHash, today } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'resident' })
export class ResidentEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'gridId' | 'idNumber' | 'phone' | 'careTags' | 'address' | 'age' | 'idNumberHash' | 'phoneHash';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) streetId!: string;
  @Property({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid', nullable: true }) gridId: string | null = null;
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: () => Gender, type: 'text' }) gender!: Gender;
  /** `YYYY-MM-DD`. */
  @Property({ type: 'date', columnType: 'date' }) birthDate!: string;
  /** Sensitive (PIPL): encrypted at rest, never returned unmasked without the reveal permission. */
  @Property({ type: EncryptedText, nullable: true }) idNumber: string | null = null;
  @Property({ type: EncryptedText, nullable: true }) phone: string | null = null;
  /** Keyed hashes for exact lookup and uniqueness without decrypting. */
  @Property({ type: 'text', nullable: true, hidden: true }) idNumberHash: string | null = null;
  @Property({ type: 'text', nullable: true, hidden: true }) phoneHash: string | null = null;
  @Property({ type: ArrayType, columnType: 'text[]' }) careTags: CareTag[] = [];
  @Property({ type: 'text', nullable: true }) address: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();

  @BeforeCreate()
  @BeforeUpdate()
  hashLookups({ em }: EventArgs<this>): void {
    this.idNumberHash = this.idNumber ? lookupHash(em, this.idNumber) : null;
    this.phoneHash = this.phone ? lookupHash(em, this.phone) : null;
  }

  get age(): number {
    return ageOn(this.birthDate, today());
  }
}
