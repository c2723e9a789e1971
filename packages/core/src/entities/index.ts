import { DistrictEntity } from './district.entity';
import { StreetEntity } from './street.entity';
import { CommunityEntity } from './community.entity';
import { GridEntity } from './grid.entity';
import { ResidentEntity } from './resident.entity';
import { ResidentRelationEntity } from './resident-relation.entity';
import { OrganizationCommunityEntity, SocialOrganizationEntity } from './social-organization.entity';
import { SocialWorkerEntity } from './social-worker.entity';
import { ProgramEnablementChangeEntity, ProgramEnablementEntity, ProgramSettingEntity } from './program.entity';
import { OutboxEventSchema } from '@gongzhi/plugin-sdk/host';
import { EventHandlingEntity } from './outbox-event.entity';
import { AccountEntity } from './account.entity';
import { RoleGrantEntity } from './role-grant.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { AuditLogEntity } from './audit-log.entity';

export {
  DistrictEntity, StreetEntity, CommunityEntity, GridEntity, ResidentEntity, ResidentRelationEntity,
  SocialOrganizationEntity, OrganizationCommunityEntity, SocialWorkerEntity,
  ProgramEnablementEntity, ProgramEnablementChangeEntity, ProgramSettingEntity,
  EventHandlingEntity, AccountEntity, RoleGrantEntity, RefreshTokenEntity, AuditLogEntity,
};

export const coreEntities = [
  DistrictEntity, StreetEntity, CommunityEntity, GridEntity, ResidentEntity, ResidentRelationEntity,
  SocialOrganizationEntity, OrganizationCommunityEntity, SocialWorkerEntity,
  ProgramEnablementEntity, ProgramEnablementChangeEntity, ProgramSettingEntity,
  OutboxEventSchema, EventHandlingEntity, AccountEntity, RoleGrantEntity, RefreshTokenEntity, AuditLogEntity,
];
