import { instantOf, sqlRows, today, type EntityManager } from '@gongzhi/plugin-sdk';
import { LegalEducationAttendee } from './entities/education-attendee.entity';
import { LegalEducationSession } from './entities/education-session.entity';
import { demoAccountOf } from './seed-account';
import type { CommunityNode } from './services/tree';

const TOPICS = ['《民法典》与百姓生活', '防范养老诈骗', '劳动合同与工资保障', '物业纠纷怎么办', '反家庭暴力法解读'];

/** Demo legal education: a session this month in every covered community, by its advisor, with two residents linked. */
export async function seedEducation(em: EntityManager, covered: { node: CommunityNode; lawyerId: string }[]): Promise<void> {
  const opener = covered.length ? await demoAccountOf(em, covered[0].node.districtId) : null;
  if (!opener) return;
  const monthStart = instantOf(`${today().slice(0, 7)}-01`, '00:00').getTime();
  for (const [i, { node, lawyerId }] of covered.entries()) {
    // Held in the past and within this Beijing month, whatever day of the month the seed runs.
    const startsAt = new Date(Math.max(monthStart, Date.now() - (i % 5 + 1) * 26 * 3_600_000));
    const s = em.create(LegalEducationSession, {
      ...node, lawyerId, topic: TOPICS[i % TOPICS.length], startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      location: '社区党群服务中心', attendance: 20 + (i * 7) % 40, recordedByAccountId: opener,
    });
    const residents = await sqlRows<{ id: string }>(em, 'select id from resident where community_id = ? order by name, id limit 2', [node.communityId]);
    for (const r of residents) em.create(LegalEducationAttendee, { districtId: node.districtId, sessionId: s.id, residentId: r.id });
  }
  await em.flush();
}
