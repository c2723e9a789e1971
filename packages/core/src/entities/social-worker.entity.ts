import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { CertificationLevel, EmployerKind, PostType } from '@gongzhi/plugin-sdk';

@Entity({ tableName: 'social_worker' })
export class SocialWorkerEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'employerOrganizationId' | 'employerCommunityId';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) districtId!: string;
  @Property({ type: 'text' }) name!: string;
  @Enum({ items: () => CertificationLevel, type: 'text' }) certification!: CertificationLevel;
  @Enum({ items: () => PostType, type: 'text' }) postType!: PostType;
  @Enum({ items: () => EmployerKind, type: 'text' }) employerKind!: EmployerKind;
  @Property({ type: 'uuid', nullable: true }) employerOrganizationId: string | null = null;
  @Property({ type: 'uuid', nullable: true }) employerCommunityId: string | null = null;
  @Property({ type: 'datetime' }) createdAt: Date = new Date();
}
