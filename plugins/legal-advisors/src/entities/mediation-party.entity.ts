import { randomUUID } from 'node:crypto';
import { BeforeCreate, BeforeUpdate, EncryptedText, Entity, Enum, Field, Int, ObjectType, OptionalProps, PrimaryKey, Property, lookupHash, type EventArgs } from '@gongzhi/plugin-sdk';
import { PartySide } from '../graphql/mediation-enums.type';

/** A party to a mediation: a resident of the district, or an outside person (name and phone encrypted like residents' phones). */
@Entity({ tableName: 'la_mediation_party' })
@ObjectType({ description: '调解当事人（个人信息，仅办案人员可见）/ A party to a mediation; personal data, for those who run the case' })
export class MediationParty {
  [OptionalProps]?: 'id' | 'residentId' | 'name' | 'phone' | 'phoneHash';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'uuid' }) mediationId!: string;
  @Field(() => Int, { description: '序号 / Order' }) @Property({ type: 'smallint' }) position!: number;
  @Field(() => PartySide, { description: '申请人或被申请人 / Side' }) @Enum({ items: () => PartySide, type: 'text' }) side!: PartySide;
  @Property({ type: 'uuid', nullable: true }) residentId: string | null = null;
  @Property({ type: EncryptedText, nullable: true }) name: string | null = null;
  @Field(() => String, { nullable: true, description: '手机号（区外当事人）/ Phone of an outside person' })
  @Property({ type: EncryptedText, nullable: true }) phone: string | null = null;
  @Property({ type: 'text', nullable: true, hidden: true }) phoneHash: string | null = null;

  @BeforeCreate()
  @BeforeUpdate()
  hashPhone({ em }: EventArgs<this>): void {
    this.phoneHash = this.phone ? lookupHash(em, this.phone) : null;
  }
}
