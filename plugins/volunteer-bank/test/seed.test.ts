import { createTestGateway } from '@gongzhi/testing';
import plugin from '../src/plugin';
import { ledgerViolations } from './support';

describe('volunteer bank: demo seed', () => {
  it('seeds the demo district once; running it again changes nothing', async () => {
    const gw = await createTestGateway({ plugins: [plugin], config: { seedDemo: true } });
    try {
      const count = () => gw.sql(`select (select count(*) from vb_volunteer)::int v, (select count(*) from vb_transfer)::int t,
        (select count(*) from vb_wish)::int w, (select count(*) from vb_store_item)::int i, (select count(*) from vb_team)::int teams`);
      const [first] = await count();
      expect(first.v).toBeGreaterThan(10);
      expect(first.t).toBeGreaterThan(10);
      expect(first.w).toBeGreaterThan(0);
      expect(first.i).toBeGreaterThan(0);
      const [d] = await gw.sql(`select distinct district_id from vb_volunteer`);
      await gw.em().transactional((em) => plugin.seed!({ em, districtId: d.district_id, clock: gw.clock }));
      expect((await count())[0]).toEqual(first);
      expect(await ledgerViolations(gw)).toEqual([]);
    } finally {
      await gw.close();
    }
  });
});
