import { Field, Float, Int, InterfaceType, LocalDate, MaxItems, ObjectType, addDays } from '@gongzhi/plugin-sdk';
import { averageRating, openMediations, type StatsLevel, type StatsRow } from '../services/stats.service';
import type { StatsPeriod } from '../services/stats-period';
import { LegalCategory, Referral } from './legal-enums.type';

@ObjectType({ description: '按类别的咨询数 / Consultations of one category' })
export class LegalCategoryCount {
  @Field(() => LegalCategory) category!: LegalCategory;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: '按转介去向的咨询数 / Consultations referred to one place' })
export class LegalReferralCount {
  @Field(() => Referral) referredTo!: Referral;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: '咨询结果 / Where the period\'s consultations stand' })
export class LegalConsultationOutcomes {
  @Field(() => Int, { description: '已解答 / Resolved' }) resolved!: number;
  @Field(() => Int, { description: '已转介（合计）/ Referred, all places' }) referred!: number;
  @MaxItems({ max: Object.keys(Referral).length })
  @Field(() => [LegalReferralCount], { description: '按去向的转介 / Referred, per place (every place, zeros included)' }) referredTo!: LegalReferralCount[];
  @Field(() => Int, { description: '未办结 / Still open (requested, scheduled or in progress)' }) open!: number;
}

@ObjectType({ description: '调解结果 / Where the period\'s mediation cases stand' })
export class LegalMediationOutcomes {
  @Field(() => Int, { description: '达成协议 / Agreement reached' }) agreed!: number;
  @Field(() => Int, { description: '调解不成 / No agreement' }) noAgreement!: number;
  @Field(() => Int, { description: '已转介 / Referred' }) referred!: number;
  @Field(() => Int, { description: '已撤回 / Withdrawn' }) withdrawn!: number;
  @Field(() => Int, { description: '未办结（已受理、调解中）/ Still open (open or in mediation)' }) open!: number;
}

/** The figures every statistics row carries, from one row of `serviceStats`. */
@InterfaceType({ description: '法律服务统计数字 / The figures of a legal-service statistics row' })
export abstract class LegalServiceFigures {
  @Field(() => Int, { description: '已坐班次数（未取消且已结束）/ Office hours held (not cancelled, ended)' }) officeHoursHeld!: number;
  @Field(() => Int, { description: '坐班预约数（未取消）/ Places booked in the period\'s office hours (not cancelled)' }) bookings!: number;
  @Field(() => Int, { description: '咨询数（按申请日期）/ Consultations requested in the period' }) consultations!: number;
  @MaxItems({ max: Object.keys(LegalCategory).length })
  @Field(() => [LegalCategoryCount], { description: '按类别 / Per category (every category, zeros included)' }) consultationsByCategory!: LegalCategoryCount[];
  @Field(() => LegalConsultationOutcomes, { description: '按结果 / Per outcome' }) consultationOutcomes!: LegalConsultationOutcomes;
  @Field(() => Int, { description: '评价数 / Ratings given' }) ratings!: number;
  @Field(() => Float, { nullable: true, description: '平均评分（1–5，两位小数；无评价为空）/ Average rating, 1–5, two decimals; null without ratings' })
  averageRating!: number | null;
  @Field(() => Int, { description: '调解案件（按受理日期）/ Mediation cases opened in the period' }) mediations!: number;
  @Field(() => LegalMediationOutcomes, { description: '调解结果 / Mediation cases per outcome' }) mediationOutcomes!: LegalMediationOutcomes;
  @Field(() => Int, { description: '法治宣传场次（按开始日期）/ Legal-education sessions held in the period' }) educationSessions!: number;
  @Field(() => Int, { description: '法治宣传参加人次 / Attendance at those sessions' }) educationAttendance!: number;

  protected fill(row: StatsRow): this {
    const referredTo = Object.values(Referral).map((r) => ({ referredTo: r, count: row.byOutcome[r] }));
    return Object.assign(this, {
      officeHoursHeld: row.officeHoursHeld, bookings: row.bookings, consultations: row.consultations,
      consultationsByCategory: Object.values(LegalCategory).map((c) => ({ category: c, count: row.byCategory[c] })),
      consultationOutcomes: {
        resolved: row.byOutcome.RESOLVED, open: row.byOutcome.OPEN, referredTo, referred: referredTo.reduce((s, r) => s + r.count, 0),
      },
      ratings: row.ratings, averageRating: averageRating(row), mediations: row.mediations,
      educationSessions: row.educationSessions, educationAttendance: row.educationAttendance,
      mediationOutcomes: {
        agreed: row.byMediationStatus.AGREED, noAgreement: row.byMediationStatus.NO_AGREEMENT, referred: row.byMediationStatus.REFERRED,
        withdrawn: row.byMediationStatus.WITHDRAWN, open: openMediations(row),
      },
    });
  }
}

@ObjectType({ implements: LegalServiceFigures, description: '法律服务统计 / Legal-service statistics of a district, street or community for a period' })
export class LegalServiceStats extends LegalServiceFigures {
  @Field({ description: '统计期（YYYY、YYYY-Qn 或 YYYY-MM）/ The period as asked' }) period!: string;
  @Field(() => LocalDate, { description: '首日 / First day' }) from!: string;
  @Field(() => LocalDate, { description: '末日（含）/ Last day, inclusive' }) until!: string;
  level!: StatsLevel;
  nodeId!: string;
  range!: StatsPeriod;

  static of(row: StatsRow, level: StatsLevel, range: StatsPeriod): LegalServiceStats {
    return Object.assign(new LegalServiceStats().fill(row), { period: range.label, from: range.from, until: addDays(range.to, -1), level, nodeId: row.nodeId, range });
  }
}

@ObjectType({ implements: LegalServiceFigures, description: '律师（法律顾问）的服务统计 / One advisor\'s figures within the node' })
export class LegalAdvisorServiceStats extends LegalServiceFigures {
  lawyerId!: string;

  static of(row: StatsRow): LegalAdvisorServiceStats {
    return Object.assign(new LegalAdvisorServiceStats().fill(row), { lawyerId: row.groupId });
  }
}

@ObjectType({ implements: LegalServiceFigures, description: '社区的服务统计 / One community\'s figures within the node' })
export class LegalCommunityServiceStats extends LegalServiceFigures {
  communityId!: string;

  static of(row: StatsRow): LegalCommunityServiceStats {
    return Object.assign(new LegalCommunityServiceStats().fill(row), { communityId: row.groupId });
  }
}
