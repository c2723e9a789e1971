import { randomUUID } from 'node:crypto';
import { EncryptedText, Entity, Enum, Field, ID, Node, ObjectType, OptionalProps, PrimaryKey, Property, registerEnumType } from '@gongzhi/plugin-sdk';

export enum LegalOfficeKind {
  LAW_FIRM = 'LAW_FIRM',
  JUSTICE_OFFICE = 'JUSTICE_OFFICE',
  LEGAL_SERVICE_OFFICE = 'LEGAL_SERVICE_OFFICE',
}
registerEnumType(LegalOfficeKind, {
  name: 'LegalOfficeKind',
  description: '法律服务机构类别 / Kind of legal-service office',
  valuesConfig: {
    LAW_FIRM: { description: '律师事务所 / Law firm' },
    JUSTICE_OFFICE: { description: '司法所 / Judicial office of a street or town' },
    LEGAL_SERVICE_OFFICE: { description: '基层法律服务所 / Grassroots legal-service office' },
  },
});

/** A law firm or legal-service office whose lawyers advise communities. */
@Entity({ tableName: 'la_office' })
@ObjectType({ implements: Node, description: '法律服务机构 / Law firm or legal-service office' })
export class LegalOffice {
  [OptionalProps]?: 'id' | 'createdAt' | 'address' | 'phone';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Field(() => LegalOfficeKind, { description: '类别 / Kind' })
  @Enum({ items: () => LegalOfficeKind, type: 'text' }) kind!: LegalOfficeKind;
  @Field({ description: '名称 / Name' }) @Property({ type: 'text' }) name!: string;
  @Field(() => String, { nullable: true, description: '地址 / Address' }) @Property({ type: 'text', nullable: true }) address: string | null = null;
  /** The office's public switchboard; stored encrypted like every phone number. */
  @Field(() => String, { nullable: true, description: '办公电话 / Office phone' })
  @Property({ type: EncryptedText, nullable: true }) phone: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
