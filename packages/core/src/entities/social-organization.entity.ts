import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { OrgCategory, OrgRegistration } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'social_organization' })
export class SocialOrganizationEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'creditCode';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: () => OrgRegistration, type: 'text' }) registration!: OrgRegistration;
  @Enum({ items: () => OrgCategory, type: 'text' }) category!: OrgCategory;
  @Property({ type: 'text', nullable: true }) creditCode: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}

/** Communities an organisation serves. */
@Entity({ tableName: 'social_organization_community' })
export class OrganizationCommunityEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'creditCode';
  @PrimaryKey({ type: 'uuid' }) organizationId!: string;
  @PrimaryKey({ type: 'uuid' }) communityId!: string;
  @Property({ type: 'uuid' }) districtId!: string;
}
