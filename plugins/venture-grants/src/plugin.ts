import { definePlugin } from '@gongzhi/plugin-sdk';
import { version } from '../package.json';
import { VentureApplication } from './entities/application.entity';
import { VentureBudgetLine } from './entities/budget-line.entity';
import { VentureNeed } from './entities/need.entity';
import { VentureRoundPhaseDates } from './entities/round-phase.entity';
import { VentureRound } from './entities/round.entity';
import { ventureEvents } from './events';
import { RoundApplicationsResolver, VentureApplicationResolver } from './graphql/application.resolver';
import { RoundNeedsResolver, VentureNeedResolver } from './graphql/need.resolver';
import { VentureRoundResolver } from './graphql/round.resolver';
import { VoteResolver } from './graphql/vote.resolver';
import { Migration20261203140000_rounds } from './migrations/Migration20261203140000_rounds';
import { Migration20261203150000_needs } from './migrations/Migration20261203150000_needs';
import { Migration20261203160000_applications } from './migrations/Migration20261203160000_applications';
import { Migration20261203170000_votes } from './migrations/Migration20261203170000_votes';
import { ventureNodes } from './nodes';
import { permissionList, roleList } from './permissions';
import { PROGRAM } from './program';
import { seedVentureGrants } from './seed';
import { ventureSettings } from './settings';

export default definePlugin({
  name: PROGRAM,
  version,
  compatibility: '^1.0.0',
  title: { zh: '公益创投', en: 'Public-interest venture grants' },
  description: {
    zh: '区、街道、社区公益创投轮次：预算与上限、"6+1"类别、分阶段日程、居民需求征集、社会组织项目申报',
    en: 'Venture-grants rounds at district, street or community: budget and cap, the "6+1" categories, dated phases, residents\' needs, social organisations\' applications',
  },
  entities: [VentureRound, VentureRoundPhaseDates, VentureNeed, VentureApplication, VentureBudgetLine],
  resolvers: [VentureRoundResolver, VentureNeedResolver, RoundNeedsResolver, VentureApplicationResolver, RoundApplicationsResolver, VoteResolver],
  migrations: [Migration20261203140000_rounds, Migration20261203150000_needs, Migration20261203160000_applications, Migration20261203170000_votes],
  permissions: permissionList,
  roles: roleList,
  settings: ventureSettings,
  events: ventureEvents,
  subscribers: [],
  nodes: ventureNodes,
  seed: seedVentureGrants,
});
