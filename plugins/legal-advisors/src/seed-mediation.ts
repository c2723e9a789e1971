import { addDays, instantOf, sqlRows, today, type EntityManager } from '@gongzhi/plugin-sdk';
import { MediationCase } from './entities/mediation-case.entity';
import { MediationParty } from './entities/mediation-party.entity';
import { MediationSession } from './entities/mediation-session.entity';
import { DisputeType, MediationStatus, PartySide } from './graphql/mediation-enums.type';
import { demoAccountOf } from './seed-account';
import type { CommunityNode } from './services/tree';

/**
 * Demo mediations in the first three communities: one open, one in mediation, one agreed.
 */
export async function seedMediations(em: EntityManager, districtId: string, communities: CommunityNode[], lawyerIds: string[]): Promise<void> {
  const opener = await demoAccountOf(em, districtId);
  if (!opener) return;
  const plan = [
    { type: DisputeType.NEIGHBOURS, summary: '楼上住户装修噪音与漏水，双方多次争吵', status: MediationStatus.OPEN, daysAgo: 2 },
    { type: DisputeType.PROPERTY_MANAGEMENT, summary: '业主以电梯长期故障为由拒缴物业费', status: MediationStatus.IN_MEDIATION, daysAgo: 10 },
    { type: DisputeType.MARRIAGE_FAMILY, summary: '子女对老人赡养费分担有分歧', status: MediationStatus.AGREED, daysAgo: 20 },
  ];
  for (const [i, node] of communities.slice(0, plan.length).entries()) {
    const p = plan[i];
    const residents = await sqlRows<{ id: string }>(em, 'select id from resident where community_id = ? order by name, id limit 1', [node.communityId]);
    if (!residents.length) continue;
    const openedOn = addDays(today(), -p.daysAgo);
    const m = em.create(MediationCase, {
      ...node, disputeType: p.type, summary: p.summary, status: p.status, openedByAccountId: opener, openedAt: instantOf(openedOn, '10:00'),
      ...(i % 2 ? { lawyerId: lawyerIds[i % lawyerIds.length] } : { mediatorName: '王秀英（人民调解员）' }),
      ...(p.status !== MediationStatus.OPEN ? { startedAt: instantOf(addDays(openedOn, 3), '15:00') } : {}),
      ...(p.status === MediationStatus.AGREED ? { outcomeNote: '三名子女按月各承担 600 元，签订书面协议', concludedAt: instantOf(addDays(openedOn, 7), '16:00') } : {}),
    });
    em.create(MediationParty, { districtId, mediationId: m.id, position: 1, side: PartySide.APPLICANT, residentId: residents[0].id });
    em.create(MediationParty, { districtId, mediationId: m.id, position: 2, side: PartySide.RESPONDENT, name: '刘建国', phone: '13905710000' });
    if (p.status !== MediationStatus.OPEN) {
      em.create(MediationSession, { districtId, mediationId: m.id, heldOn: addDays(openedOn, 3), notes: '双方到场陈述，约定下次带相关材料', recordedByAccountId: opener });
    }
  }
  await em.flush();
}
