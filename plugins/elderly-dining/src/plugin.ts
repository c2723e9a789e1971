import { definePlugin } from '@gongzhi/plugin-sdk';
import { version } from '../package.json';
import { Canteen } from './entities/canteen.entity';
import { CanteenCommunity } from './entities/canteen-community.entity';
import { CentralKitchen } from './entities/central-kitchen.entity';
import { DiningDish } from './entities/dish.entity';
import { DiningEnrolment } from './entities/enrolment.entity';
import { MealSlot } from './entities/meal-slot.entity';
import { DiningMenu } from './entities/menu.entity';
import { DiningOrder } from './entities/order.entity';
import { diningEvents } from './events';
import { CanteenResolver } from './graphql/canteen.resolver';
import { CommunityCanteensResolver } from './graphql/community-canteens.resolver';
import { DeliveryResolver } from './graphql/delivery.resolver';
import { EnrolmentResolver } from './graphql/enrolment.resolver';
import { KitchenResolver } from './graphql/kitchen.resolver';
import { MenuResolver } from './graphql/menu.resolver';
import { OrderBoardResolver } from './graphql/order-board.resolver';
import { OrderResolver } from './graphql/order.resolver';
import { ResidentEnrolmentResolver } from './graphql/resident-enrolment.resolver';
import { CanteenSettlementResolver, DailyMealCountResolver, ReportResolver } from './graphql/report.resolver';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { diningNodes } from './nodes';
import { permissionList, roleList } from './permissions';
import { PROGRAM } from './program';
import { seedDining } from './seed';
import { diningDashboard } from './services/dashboard.service';
import { diningSettings } from './settings';

export default definePlugin({
  name: PROGRAM,
  version,
  compatibility: '^1.0.0',
  title: { zh: '老年助餐', en: 'Elderly-care dining' },
  description: {
    zh: '中央厨房与长者食堂、菜单、助餐登记与补贴、订餐与送餐',
    en: 'Central kitchens and elder canteens, menus, enrolment with subsidies, orders and delivery',
  },
  entities: [CentralKitchen, Canteen, CanteenCommunity, DiningMenu, DiningDish, DiningEnrolment, MealSlot, DiningOrder],
  resolvers: [
    KitchenResolver, CanteenResolver, CommunityCanteensResolver, MenuResolver, EnrolmentResolver, OrderResolver,
    DeliveryResolver, ReportResolver, DailyMealCountResolver, CanteenSettlementResolver, OrderBoardResolver,
    ResidentEnrolmentResolver,
  ],
  migrations: [Migration20261122000000_initial],
  permissions: permissionList,
  roles: roleList,
  settings: diningSettings,
  events: diningEvents,
  subscribers: [],
  nodes: diningNodes,
  dashboard: diningDashboard,
  seed: seedDining,
});
