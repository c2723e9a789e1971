import { createTestGateway } from '@gongzhi/testing';
import plugin from '../src/plugin';

describe('venture grants: demo seed', () => {
  it('gives the demo district a round collecting needs and a street round being set up; running it again changes nothing', async () => {
    const gw = await createTestGateway({ plugins: [plugin], config: { seedDemo: true } });
    try {
      const [d] = await gw.sql(`select id from district order by created_at limit 1`);
      const rounds = () => gw.sql(`select phase, street_id is not null as street, (select count(*)::int from vg_round_phase p where p.round_id = r.id) as phases
        from vg_round r order by phase`);
      const first = await rounds();
      expect(first).toEqual([{ phase: 'DRAFT', street: true, phases: 7 }, { phase: 'NEEDS', street: false, phases: 7 }]);
      const [{ n }] = await gw.sql('select count(*)::int as n from vg_need');
      expect(n).toBe(3);
      await gw.em().transactional((em) => plugin.seed!({ em, districtId: d.id, clock: gw.clock }));
      expect(await rounds()).toEqual(first);
    } finally {
      await gw.close();
    }
  });
});
