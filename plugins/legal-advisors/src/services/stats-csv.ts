import { stringify } from 'csv-stringify/sync';
import { treeScopeOf, type GongzhiContext, type HttpReply } from '@gongzhi/plugin-sdk';
import { CATEGORY_LABELS, LegalCategory, REFERRAL_LABELS, Referral } from '../graphql/legal-enums.type';
import { perms } from '../permissions';
import { allow } from './access';
import { lawyerById } from './office-hour-reads';
import { averageRating, openMediations, serviceStats, type StatsLevel, type StatsRow } from './stats.service';
import { parsePeriod } from './stats-period';

const LEVEL_NAMES: Record<StatsLevel, string> = { district: '区', street: '街道', community: '社区' };

/** The columns, in order: the header and how a row's figures fill them. */
const COLUMNS: [string, (r: StatsRow) => number | string][] = [
  ['坐班次数', (r) => r.officeHoursHeld],
  ['坐班预约', (r) => r.bookings],
  ['咨询总数', (r) => r.consultations],
  ...Object.values(LegalCategory).map((c): [string, (r: StatsRow) => number] => [`咨询·${CATEGORY_LABELS[c][0]}`, (r) => r.byCategory[c]]),
  ['已解答', (r) => r.byOutcome.RESOLVED],
  ...Object.values(Referral).map((t): [string, (r: StatsRow) => number] => [`转介·${REFERRAL_LABELS[t][0]}`, (r) => r.byOutcome[t]]),
  ['未办结', (r) => r.byOutcome.OPEN],
  ['评价数', (r) => r.ratings],
  ['平均评分', (r) => averageRating(r)?.toFixed(2) ?? ''],
  ['调解案件', (r) => r.mediations],
  ['调解·达成协议', (r) => r.byMediationStatus.AGREED],
  ['调解·调解不成', (r) => r.byMediationStatus.NO_AGREEMENT],
  ['调解·转介', (r) => r.byMediationStatus.REFERRED],
  ['调解·撤回', (r) => r.byMediationStatus.WITHDRAWN],
  ['调解·未办结', openMediations],
  ['法治宣传场次', (r) => r.educationSessions],
  ['法治宣传人次', (r) => r.educationAttendance],
];
export const CSV_HEADER = ['范围', '名称', '统计期', ...COLUMNS.map(([h]) => h)];

async function nodeName(ctx: GongzhiContext, level: StatsLevel, id: string): Promise<string> {
  const node = level === 'district' ? await ctx.core.district(id) : level === 'street' ? await ctx.core.street(id) : await ctx.core.community(id);
  return node?.name ?? '';
}

/**
 * A node's figures for a period as a CSV file Excel opens with its Chinese intact: UTF-8 with a
 * BOM, CRLF, every field quoted, cells that Excel would read as a formula (= + - @) prefixed with '.
 * The node's total, then each community below it and each advisor, by name.
 */
export async function statsCsv(ctx: GongzhiContext, query: Readonly<Record<string, string>>): Promise<HttpReply> {
  const scope = await treeScopeOf(ctx, query.node ?? '', 'node');
  await allow(ctx, perms['stats:read'], scope);
  const range = parsePeriod(query.period ?? '', 'period');
  const [level, id]: [StatsLevel, string] = scope.communityId ? ['community', scope.communityId] : scope.streetId ? ['street', scope.streetId] : ['district', scope.districtId];
  const [[total], communities, advisors, name] = await Promise.all([
    serviceStats(ctx, level, id, range), serviceStats(ctx, level, id, range, 'community'), serviceStats(ctx, level, id, range, 'advisor'), nodeName(ctx, level, id),
  ]);
  const named = async (rows: StatsRow[], kind: string, nameOf: (id: string) => Promise<string>) =>
    (await Promise.all(rows.map(async (r) => ({ r, name: await nameOf(r.groupId) })))).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map(({ r, name: n }) => [kind, n, range.label, ...COLUMNS.map(([, f]) => f(r))]);
  const rows = [
    [LEVEL_NAMES[level], name, range.label, ...COLUMNS.map(([, f]) => f(total))],
    ...(level === 'community' ? [] : await named(communities, '社区', async (c) => (await ctx.core.community(c))?.name ?? '')),
    ...(await named(advisors, '律师', async (l) => (await lawyerById(ctx, l))?.name ?? '')),
  ];
  const body = stringify([CSV_HEADER, ...rows], { bom: true, quoted: true, quoted_empty: true, record_delimiter: 'windows', escape_formulas: true });
  return { contentType: 'text/csv; charset=utf-8', body, filename: `法律服务统计-${name}-${range.label}.csv` };
}
