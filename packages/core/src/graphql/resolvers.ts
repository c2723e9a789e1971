import { NodeResolver } from './node.resolver';
import { PlatformResolver, DistrictProgramsResolver } from './platform.resolver';
import { DistrictResolver } from './district.resolver';
import { StreetResolver } from './street.resolver';
import { CommunityResolver } from './community.resolver';
import { GridResolver } from './grid.resolver';
import { ResidentResolver } from './resident.resolver';
import { ResidentRelationResolver } from './relation.resolver';
import { SocialOrganizationResolver, SocialWorkerResolver } from './organization.resolver';
import { CareTagCountResolver, TreeStatsResolver } from './stats.type';
import { EventFeedResolver } from './event-feed.resolver';
import { IdentityResolver } from './identity.resolver';
import { DashboardResolver } from './dashboard.resolver';

export const coreResolvers = [
  NodeResolver, PlatformResolver, DistrictProgramsResolver, DistrictResolver, StreetResolver, CommunityResolver,
  GridResolver, ResidentResolver, ResidentRelationResolver, SocialOrganizationResolver, SocialWorkerResolver, TreeStatsResolver, CareTagCountResolver, EventFeedResolver, DashboardResolver, IdentityResolver,
] as const;
