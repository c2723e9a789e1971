import { ConflictError, GongzhiContext, NotFoundError, badInput, communityScope, loadFresh, requireAt, sqlRow, sqlRows, violatesConstraint } from '@gongzhi/plugin-sdk';
import { Volunteer } from '../entities/volunteer.entity';
import { VolunteerTeam } from '../entities/volunteer-team.entity';
import { perms } from '../permissions';

export interface NewTeam {
  communityId: string;
  organizationId: string | null;
  name: string;
  leaderVolunteerId: string | null;
}

export async function createTeam(ctx: GongzhiContext, t: NewTeam): Promise<VolunteerTeam> {
  const scope = await communityScope(ctx, t.communityId);
  await requireAt(ctx, perms['team:manage'], scope);
  const name = t.name.trim();
  if (!name || name.length > 100) throw badInput('input.name', 'must be 1 to 100 characters');
  if (t.organizationId) {
    const org = await ctx.core.socialOrganization(t.organizationId);
    if (!org || org.districtId !== scope.districtId) throw badInput('input.organizationId', 'is not an organisation of this district');
  }
  if (t.leaderVolunteerId) {
    const leader = await loadFresh(ctx, Volunteer, t.leaderVolunteerId);
    if (leader.districtId !== scope.districtId) throw badInput('input.leaderId', 'is not a volunteer of this district');
  }
  return ctx.em.transactional(async (tx) => {
    const row = await sqlRow(tx, `insert into vb_team (district_id, street_id, community_id, organization_id, name, leader_volunteer_id)
      values (?, ?, ?, ?, ?, ?) returning *`, [scope.districtId, scope.streetId, scope.communityId, t.organizationId, name, t.leaderVolunteerId]);
    if (t.leaderVolunteerId) {
      await sqlRows(tx, 'insert into vb_team_member (team_id, volunteer_id) values (?, ?)', [row!.id, t.leaderVolunteerId]);
    }
    return tx.map(VolunteerTeam, row!);
  });
}

export async function joinTeam(ctx: GongzhiContext, teamId: string, volunteerId: string): Promise<VolunteerTeam> {
  const team = await loadFresh(ctx, VolunteerTeam, teamId);
  await requireAt(ctx, perms['team:manage'], team);
  const v = await ctx.em.findOne(Volunteer, { id: volunteerId });
  if (!v) throw new NotFoundError('Volunteer');
  if (v.districtId !== team.districtId) throw badInput('input.volunteerId', 'is not a volunteer of this district');
  try {
    await sqlRows(ctx.em, 'insert into vb_team_member (team_id, volunteer_id) values (?, ?)', [teamId, volunteerId]);
  } catch (e) {
    if (violatesConstraint(e)) throw new ConflictError('已是该队成员 / Already a member of this team');
    throw e;
  }
  return team;
}
