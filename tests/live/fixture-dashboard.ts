import { fixtureWith } from '@gongzhi/fixture-plugin';

/** The fixture with a dashboard section (notes in scope), as a program would declare it. */
export const fixtureWithDashboard = fixtureWith({
  dashboard: {
    title: { zh: '便签', en: 'Notes' },
    compute: async (em, node) => {
      const [row] = await (em as unknown as { execute: <T>(sql: string, params: unknown[]) => Promise<T> }).execute<{ n: number }[]>(
        `select count(*)::int as n from fx_note n join community c on c.id = n.community_id
         where n.district_id = ? and (?::uuid is null or c.street_id = ?::uuid)`, [node.districtId, node.streetId ?? null, node.streetId ?? null]);
      return [{ key: 'notes', label: { zh: '便签数', en: 'Notes' }, value: row.n }];
    },
  },
});

