import type { MikroORM } from '@mikro-orm/postgresql';
import type { GongzhiPlugin } from '@gongzhi/plugin-sdk';
import type { Logger } from '../util/logger';
import type { CoreServices } from '../graphql/core-context';
import { seedDemoAccounts } from './demo-accounts';
import { DistrictEntity } from '../entities';
import { buildDemoTree, DEMO_DIVISION_CODE } from './demo-tree';

/**
 * On first start, one demo district with realistic names; then each plugin's own
 * demo data, with its program enabled. Idempotent: keyed on the division code.
 */
export async function seedDemo(orm: MikroORM, plugins: GongzhiPlugin[], services: Pick<CoreServices, 'programs' | 'clock'>, log: Logger): Promise<void> {
  const { programs } = services;
  const em = orm.em.fork();
  let district = await em.findOne(DistrictEntity, { divisionCode: DEMO_DIVISION_CODE });
  if (!district) {
    const t = Date.now();
    district = await em.transactional((tx) => buildDemoTree(tx));
    log.info('demo district seeded', { name: district.name, ms: Date.now() - t });
  }
  await seedDemoAccounts(orm, district);
  for (const p of plugins) {
    if (!p.seed) continue;
    if (!programs.isEnabled(p.name, district.id)) await programs.setEnabled(em, district.id, p.name, true, 'seed');
    await em.fork().transactional((tx) => p.seed!({ em: tx, districtId: district!.id, clock: services.clock }));
  }
}
