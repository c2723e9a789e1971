import { randomUUID } from 'node:crypto';
import type { SeededTree, TestGateway } from '@gongzhi/testing';

/** Random office hours and consultations inserted with SQL, kept as plain rows for a recount in the test. */

export const CATEGORIES = ['MARRIAGE_FAMILY', 'INHERITANCE', 'LABOUR', 'PROPERTY_NEIGHBOURS', 'CONTRACTS', 'ELDERLY_RIGHTS', 'OTHER'];
export const REFERRALS = ['LEGAL_AID', 'MEDIATION', 'LITIGATION_ARBITRATION'];
const MEDIATION_STATUSES = ['OPEN', 'IN_MEDIATION', 'AGREED', 'NO_AGREEMENT', 'REFERRED', 'WITHDRAWN'];
const STATUSES = ['REQUESTED', 'SCHEDULED', 'IN_PROGRESS', 'RESOLVED', 'REFERRED', 'CLOSED'];

interface Placed { districtId: string; streetId: string; communityId: string; lawyerId: string }
export interface Hour extends Placed { startsAt: Date; endsAt: Date; cancelled: boolean; booked: number }
export interface Mediation extends Omit<Placed, 'lawyerId'> { lawyerId: string | null; openedAt: Date; status: string }
export interface Session extends Placed { startsAt: Date; attendance: number }
export interface Consultation extends Placed { requestedAt: Date; category: string; status: string; referredTo: string | null; rating: number | null }

/** A seeded generator, so a failure can be replayed. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] };
}

const HOUR = 3_600_000;

/**
 * `hours` office hours on distinct whole hours of `[from, from + spanDays)` (a lawyer is never in two places at
 * once whatever lawyer is drawn) and `consultations` consultations, over `tree`'s communities and `lawyerIds`.
 */
export function randomData(rnd: ReturnType<typeof random>, tree: SeededTree, lawyerIds: string[], from: Date, spanDays: number, hours: number, consultations: number, mediations = 0, sessions = 0) {
  const place = (): Placed => {
    const c = rnd.pick(tree.communities);
    return { districtId: c.districtId, streetId: c.streetId, communityId: c.id, lawyerId: rnd.pick(lawyerIds) };
  };
  const slots = new Set<number>();
  while (slots.size < hours) slots.add(rnd.int(spanDays * 24));
  const hourRows: Hour[] = [...slots].map((slot) => {
    const cancelled = rnd.next() < 0.15;
    const startsAt = new Date(from.getTime() + slot * HOUR);
    return { ...place(), startsAt, endsAt: new Date(startsAt.getTime() + HOUR), cancelled, booked: cancelled ? 0 : rnd.int(9) };
  });
  const consultationRows: Consultation[] = Array.from({ length: consultations }, () => {
    const status = rnd.pick(STATUSES);
    const referredTo = status === 'REFERRED' || (status === 'CLOSED' && rnd.next() < 0.5) ? rnd.pick(REFERRALS) : null;
    return {
      ...place(), requestedAt: new Date(from.getTime() + rnd.int(spanDays * 24 * 60) * 60_000), category: rnd.pick(CATEGORIES),
      status, referredTo, rating: status === 'CLOSED' ? 1 + rnd.int(5) : null,
    };
  });
  // A third of the cases have a named people's mediator instead of a lawyer.
  const mediationRows: Mediation[] = Array.from({ length: mediations }, () => {
    const p = place();
    return { ...p, lawyerId: rnd.next() < 0.33 ? null : p.lawyerId, openedAt: new Date(from.getTime() + rnd.int(spanDays * 24 * 60) * 60_000), status: rnd.pick(MEDIATION_STATUSES) };
  });
  const sessionRows: Session[] = Array.from({ length: sessions }, () => ({
    ...place(), startsAt: new Date(from.getTime() + rnd.int(spanDays * 24 * 60) * 60_000), attendance: rnd.int(120),
  }));
  return { hours: hourRows, consultations: consultationRows, mediations: mediationRows, sessions: sessionRows };
}

/** Inserts the rows (one statement per table); consultations need a resident of their community and an account. */
export async function insertData(gw: TestGateway, tree: SeededTree, accountId: string, data: { hours: Hour[]; consultations: Consultation[]; mediations?: Mediation[]; sessions?: Session[] }): Promise<void> {
  const e = data.sessions ?? [];
  if (e.length) {
    await gw.sql(`insert into la_education_session (id, district_id, street_id, community_id, lawyer_id, topic, starts_at, ends_at, attendance, recorded_by_account_id)
      select gen_random_uuid(), d, s, c, l, '民法典进社区', at, at + interval '90 minutes', n, $7::uuid
      from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::int[]) as t(d, s, c, l, at, n)`, [
      e.map((x) => x.districtId), e.map((x) => x.streetId), e.map((x) => x.communityId), e.map((x) => x.lawyerId), e.map((x) => x.startsAt), e.map((x) => x.attendance), accountId,
    ]);
  }
  const m = data.mediations ?? [];
  if (m.length) {
    await gw.sql(`insert into la_mediation (id, district_id, street_id, community_id, dispute_type, summary, lawyer_id, mediator_name, status, referred_to,
        opened_by_account_id, opened_at, concluded_at)
      select gen_random_uuid(), d, s, c, 'NEIGHBOURS', 'not-ciphertext', l, case when l is null then '人民调解员' end, st,
        case when st = 'REFERRED' then 'COURT' end, $7::uuid, at, case when st not in ('OPEN','IN_MEDIATION') then at + interval '1 day' end
      from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[]) as t(d, s, c, l, st, at)`, [
      m.map((x) => x.districtId), m.map((x) => x.streetId), m.map((x) => x.communityId), m.map((x) => x.lawyerId), m.map((x) => x.status),
      m.map((x) => x.openedAt), accountId,
    ]);
  }
  if (data.hours.length) {
    await gw.sql(`insert into la_office_hour (id, district_id, street_id, community_id, lawyer_id, starts_at, ends_at, capacity, booked, status)
      select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::timestamptz[], $7::timestamptz[], $8::int[], $9::int[], $10::text[])`, [
      data.hours.map(() => randomUUID()), data.hours.map((h) => h.districtId), data.hours.map((h) => h.streetId), data.hours.map((h) => h.communityId),
      data.hours.map((h) => h.lawyerId), data.hours.map((h) => h.startsAt), data.hours.map((h) => h.endsAt), data.hours.map(() => 8),
      data.hours.map((h) => h.booked), data.hours.map((h) => (h.cancelled ? 'CANCELLED' : 'SCHEDULED')),
    ]);
  }
  if (!data.consultations.length) return;
  const residentOf = (communityId: string) => tree.residents.find((r) => r.communityId === communityId)!.id;
  const c = data.consultations;
  const closedAt = (x: Consultation) => (x.rating === null ? null : new Date(x.requestedAt.getTime() + 86_400_000));
  // The question is not the gateway's ciphertext: a statistic that read it would fail.
  await gw.sql(`insert into la_consultation (id, district_id, street_id, community_id, resident_id, lawyer_id, category, status, referred_to,
      question, requested_by_account_id, on_behalf, requested_at, closed_at, rating)
    select id, d, s, cm, r, l, cat, st, ref, 'not-ciphertext', $13::uuid, false, at, closed, rating
    from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::int[])
      as t(id, d, s, cm, r, l, cat, st, ref, at, closed, rating)`, [
    c.map(() => randomUUID()), c.map((x) => x.districtId), c.map((x) => x.streetId), c.map((x) => x.communityId), c.map((x) => residentOf(x.communityId)),
    c.map((x) => x.lawyerId), c.map((x) => x.category), c.map((x) => x.status), c.map((x) => x.referredTo), c.map((x) => x.requestedAt),
    c.map(closedAt), c.map((x) => x.rating), accountId,
  ]);
}
