import { createTestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../src/plugin';
import { legalFigures } from '../src/services/dashboard.service';

describe('legal advisors: demo seed', () => {
  it('gives every demo community but one an advisor and weekly office hours, so coverage shows the gap; running it again changes nothing', async () => {
    const gw = await createTestGateway({ plugins: [plugin], config: { seedDemo: true } });
    try {
      const [d] = await gw.sql(`select id from district order by created_at limit 1`);
      const count = () => gw.sql(`select (select count(*) from la_office)::int o, (select count(*) from la_lawyer)::int l, (select count(*) from la_assignment)::int a, (select count(*) from la_office_hour_pattern)::int p, (select count(*) from la_office_hour)::int h, (select count(*) from la_mediation)::int m, (select count(*) from la_education_session)::int e`);
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
      // Every covered community has a weekly office hour and its coming weeks (no lawyer seated twice).
      expect(first.p).toBe(cov.covered);
      expect(first.h).toBeGreaterThanOrEqual(3 * cov.covered);
      const figures = Object.fromEntries((await legalFigures(gw.em(), { districtId: d.id })).map((f) => [f.key, f.value]));
      expect(figures).toMatchObject({ communitiesUncovered: 1, officeHourBookingsThisMonth: 0, mediationsOpen: 2 });
      expect(first.m).toBe(3);
      expect(first.e).toBe(cov.covered);
      expect(figures.educationSessionsThisMonth).toBe(cov.covered);
      expect(figures.educationAttendanceThisMonth).toBeGreaterThanOrEqual(20 * cov.covered);
      const [{ n }] = await gw.sql(`select count(*)::int as n from la_office_hour where status = 'SCHEDULED'
        and to_char(starts_at at time zone 'Asia/Shanghai', 'YYYY-MM') = to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM')`);
      expect(figures.officeHoursThisMonth).toBe(n);
      await gw.em().transactional((em) => plugin.seed!({ em, districtId: d.id, clock: gw.clock }));
      expect((await count())[0]).toEqual(first);
    } finally {
      await gw.close();
    }
  });
});
