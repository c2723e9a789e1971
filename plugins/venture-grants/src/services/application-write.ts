import { badInput, sqlRun, textArray, TEXT_ARRAY, type GongzhiContext } from '@gongzhi/plugin-sdk';
import type { VentureApplication } from '../entities/application.entity';
import type { ApplicationContent, CheckedContent } from './application-content';

const CAP = 'vg_application_within_cap';

/**
 * Replaces an application's content in a fixed number of statements whatever its size: lines,
 * communities and needs from one parameter each, then the total from the lines' database-computed
 * amounts; the cap is the check constraint's (a refusal there is BAD_USER_INPUT, nothing kept).
 */
export async function writeContent(ctx: GongzhiContext, app: VentureApplication, c: ApplicationContent, checked: CheckedContent): Promise<void> {
  const { districtId, id } = app;
  await sqlRun(ctx.em, 'delete from vg_budget_line where application_id = ?', [id]);
  await sqlRun(ctx.em, 'delete from vg_application_community where application_id = ?', [id]);
  await sqlRun(ctx.em, 'delete from vg_application_need where application_id = ?', [id]);
  if (c.budgetLines.length) {
    await sqlRun(ctx.em, `insert into vg_budget_line (id, district_id, application_id, position, item, unit_price_fen, quantity)
      select gen_random_uuid(), ?, ?, t.n - 1, trim(t.x->>'item'), (t.x->>'unitPriceFen')::bigint, (t.x->>'quantity')::int
      from jsonb_array_elements(?::jsonb) with ordinality as t(x, n)`, [districtId, id, JSON.stringify(c.budgetLines)]);
  }
  await sqlRun(ctx.em, `insert into vg_application_community (application_id, community_id, district_id)
    select ?, c::uuid, ? from unnest(${TEXT_ARRAY}) as c`, [id, districtId, textArray(checked.communityIds)]);
  if (checked.needIds.length) {
    await sqlRun(ctx.em, `insert into vg_application_need (application_id, need_id, district_id)
      select ?, n::uuid, ? from unnest(${TEXT_ARRAY}) as n`, [id, districtId, textArray(checked.needIds)]);
  }
  try {
    await sqlRun(ctx.em, `update vg_application set title = ?, category = ?, summary = ?, expected_beneficiaries = ?,
      total_fen = (select coalesce(sum(amount_fen), 0) from vg_budget_line where application_id = ?) where id = ?`,
    [c.title.trim(), c.category, c.summary.trim(), c.expectedBeneficiaries, id, id]);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === '23514' && err.message?.includes(CAP)) throw badInput('input.content.budgetLines', 'total is over the round\'s cap per project');
    throw e;
  }
}
