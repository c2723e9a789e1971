import { definePlugin, defineSubscriber } from '@gongzhi/plugin-sdk';
import pkg from '../package.json';
import { PointsAccount } from './entities/account.entity';
import { VolunteerActivity } from './entities/activity.entity';
import { Redemption } from './entities/redemption.entity';
import { ActivitySignUp } from './entities/sign-up.entity';
import { CharityStore } from './entities/store.entity';
import { StoreItem } from './entities/store-item.entity';
import { TeamMember } from './entities/team-member.entity';
import { PointsTransfer } from './entities/transfer.entity';
import { Volunteer } from './entities/volunteer.entity';
import { VolunteerTeam } from './entities/volunteer-team.entity';
import { MicroWish } from './entities/wish.entity';
import { MealDelivered } from '@gongzhi/plugin-sdk/contracts';
import { events } from './events';
import { VolunteerActivityResolver } from './graphql/activity.resolver';
import { CommunityVolunteerTeamsResolver, ResidentVolunteerResolver } from './graphql/core-fields.resolver';
import { VolunteerFeedResolver } from './graphql/feed.resolver';
import { PointsAccountResolver, PointsTransferResolver } from './graphql/ledger.resolver';
import { RecognitionResolver } from './graphql/recognition.resolver';
import { ActivitySignUpResolver } from './graphql/sign-up.resolver';
import { CharityStoreResolver, RedemptionResolver, StoreItemResolver } from './graphql/store.resolver';
import { VolunteerTeamResolver } from './graphql/team.resolver';
import { VolunteerResolver } from './graphql/volunteer.resolver';
import { MicroWishResolver } from './graphql/wish.resolver';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { nodes } from './nodes';
import { perms, roles } from './permissions';
import { PROGRAM } from './program';
import { seed } from './seed';
import { volunteerFigures } from './services/dashboard.service';
import { creditMealDelivery } from './services/meal-delivery.service';
import { expireWishesJob } from './services/wish-expiry';
import { settings } from './settings';

export default definePlugin({
  name: PROGRAM,
  version: pkg.version,
  compatibility: '^1.0.0',
  dependsOn: [],
  optionalDependsOn: ['elderly-dining'],
  title: { zh: '志愿银行', en: 'Volunteer bank' },
  description: { zh: '志愿服务积分制、时间银行、微心愿与爱心超市', en: 'Volunteer points, time bank, micro-wishes and charity stores' },
  entities: [
    Volunteer, VolunteerTeam, TeamMember, VolunteerActivity, ActivitySignUp, PointsAccount, PointsTransfer,
    MicroWish, CharityStore, StoreItem, Redemption,
  ],
  resolvers: [
    VolunteerResolver, VolunteerTeamResolver, VolunteerActivityResolver, ActivitySignUpResolver, PointsAccountResolver,
    PointsTransferResolver, MicroWishResolver, CharityStoreResolver, StoreItemResolver, RedemptionResolver,
    RecognitionResolver, VolunteerFeedResolver, ResidentVolunteerResolver, CommunityVolunteerTeamsResolver,
  ],
  migrations: [Migration20261122000000_initial],
  permissions: Object.values(perms),
  roles,
  settings,
  events,
  subscribers: [defineSubscriber('credit-meal-delivery', MealDelivered, creditMealDelivery)],
  jobs: [expireWishesJob],
  nodes,
  dashboard: { title: { zh: '志愿服务', en: 'Volunteering' }, compute: volunteerFigures },
  seed,
});
