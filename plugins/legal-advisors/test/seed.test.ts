import { createTestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../src/plugin';

describe('legal advisors: demo seed', () => {
  it('gives every demo community but one an advisor, so coverage shows the gap; running it again changes nothing', async () => {
    const gw = await createTestGateway({ plugins: [plugin], config: { seedDemo: true } });
    try {
      const [d] = await gw.sql(`select id from district order by created_at limit 1`);
      const count = () => gw.sql(`select (select count(*) from la_office)::int o, (select count(*) from la_lawyer)::int l, (select count(*) from la_assignment)::int a`);
      const [first] = await count();
      expect(first.o).toBe(2);
      expect(first.l).toBe(4);
      const res = await gw.request(`query($d: ID!) { node(id: $d) { ... on District {
        legalAdvisorCoverage { communities covered uncovered } communitiesWithoutLegalAdvisor { name } } } }`, { d: toGlobalId('District', d.id) });
      expect(res.errors).toBeUndefined();
      const cov = res.data.node.legalAdvisorCoverage;
      expect(cov.uncovered).toBe(1);
      expect(cov.covered).toBe(cov.communities - 1);
      expect(res.data.node.communitiesWithoutLegalAdvisor).toHaveLength(1);
      await gw.em().transactional((em) => plugin.seed!({ em, districtId: d.id }));
      expect((await count())[0]).toEqual(first);
    } finally {
      await gw.close();
    }
  });
});
