import { addDays, addMonths, resolveSettings, sqlRows, today, type SeedContext } from '@gongzhi/plugin-sdk';
import { AdvisorAssignment } from './entities/advisor-assignment.entity';
import { LegalOffice, LegalOfficeKind } from './entities/legal-office.entity';
import { Lawyer } from './entities/lawyer.entity';
import { OfficeHourPattern } from './entities/office-hour-pattern.entity';
import { seedEducation } from './seed-education';
import { seedMediations } from './seed-mediation';
import { insertSlots } from './services/slot-insert';
import { planSlots } from './services/slot-plan';
import { legalSettings } from './settings';

/** Demo lawyers; certificate numbers follow the 17-digit rule (Zhejiang, first practice 2008–2019). */
const LAWYERS: [string, string, string[]][] = [
  ['周明远', '13301200810123456', ['婚姻家庭', '继承']],
  ['林晓雯', '13301201210234567', ['劳动争议', '合同纠纷']],
  ['陈立新', '13301201511345678', ['物业与邻里', '老年人权益']],
  ['许嘉宁', '13301201900456789', ['合同纠纷', '劳动争议']],
];

/**
 * Demo data: two offices, four lawyers, a term from this month for every community of the demo
 * district but the last by name (so coverage shows a gap), weekly office hours, a few mediations and this month's legal education. Idempotent.
 */
export async function seedLegalAdvisors({ em, districtId }: SeedContext): Promise<void> {
  const [{ n }] = await sqlRows<{ n: number }>(em, 'select count(*)::int as n from la_office where district_id = ?', [districtId]);
  if (n > 0) return;
  const firm = em.create(LegalOffice, { districtId, kind: LegalOfficeKind.LAW_FIRM, name: '浙江共治律师事务所', address: '青溪区文化路 88 号', phone: '0571-88001234' });
  const office = em.create(LegalOffice, { districtId, kind: LegalOfficeKind.JUSTICE_OFFICE, name: '青溪区司法局法律服务中心', address: null, phone: '0571-88005678' });
  em.persist([firm, office]);
  await em.flush(); // no ORM relations: parents first
  const lawyers = LAWYERS.map(([name, certificateNumber, specialities], i) => em.create(Lawyer, {
    districtId, officeId: i < 3 ? firm.id : office.id, name, certificateNumber, specialities, phone: `1380571${String(1000 + i).padStart(4, '0')}`,
  }));
  em.persist(lawyers);
  await em.flush();
  const communities = await sqlRows<{ id: string; street_id: string }>(em,
    'select id, street_id from community where district_id = ? order by name, id', [districtId]);
  const startsOn = `${today().slice(0, 7)}-01`;
  const endsOn = addMonths(startsOn, resolveSettings(legalSettings, null).defaultTermMonths);
  const covered = communities.slice(0, -1).map((c, i) => ({ c, lawyer: lawyers[i % lawyers.length], round: Math.floor(i / lawyers.length) }));
  for (const { c, lawyer } of covered) {
    em.persist(em.create(AdvisorAssignment, { districtId, streetId: c.street_id, communityId: c.id, lawyerId: lawyer.id, startsOn, endsOn }));
  }
  await em.flush();
  // A weekly office hour per covered community, each lawyer's communities on different
  // weekdays, and its next four weeks of dated hours.
  for (const { c, lawyer, round } of covered) {
    const node = { districtId, streetId: c.street_id, communityId: c.id };
    const pattern = em.create(OfficeHourPattern, { ...node, weekday: 1 + (round % 5), startTime: '09:00', endTime: '11:30', capacity: 8, location: '社区党群服务中心' });
    await em.flush();
    const { planned } = planSlots([pattern], [{ lawyerId: lawyer.id, startsOn, endsOn }], today(), addDays(today(), 27));
    await insertSlots(em, node, planned);
  }
  const nodes = covered.map(({ c, lawyer }) => ({ node: { districtId, streetId: c.street_id, communityId: c.id }, lawyerId: lawyer.id }));
  await seedMediations(em, districtId, nodes.map((n) => n.node), lawyers.map((l) => l.id));
  await seedEducation(em, nodes);
}
