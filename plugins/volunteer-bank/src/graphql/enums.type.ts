import { registerEnumType } from '@gongzhi/plugin-sdk';

/**
 * A closed set for the graph: the values (also a TypeScript union type of the same name)
 * and their "中文 / English" descriptions, registered as a GraphQL enum in one go.
 */
function closedSet<K extends string>(name: string, description: string, values: Record<K, string>): { readonly [P in K]: P } {
  const set = Object.fromEntries(Object.keys(values).map((k) => [k, k])) as { [P in K]: P };
  const valuesConfig = Object.fromEntries(Object.entries(values).map(([k, d]) => [k, { description: d as string }]));
  registerEnumType(set, { name, description, valuesConfig: valuesConfig as never });
  return set;
}

export const ActivityCategory = closedSet('ActivityCategory', '微行动类别 / Activity category', {
  POLICY: '政策宣传 / Policy outreach',
  LEGAL: '法律服务 / Legal services',
  HEALTH: '医疗健康 / Health',
  HOUSEKEEPING: '家政服务 / Housekeeping',
  ELDERLY_CHILD_CARE: '一老一小 / Elderly and child care',
  POVERTY_RELIEF: '扶贫济困 / Poverty relief',
  CULTURE_SPORTS: '文体活动 / Culture and sports',
  MEDIATION: '矛盾调解 / Dispute mediation',
  PATROL: '治安巡逻 / Security patrol',
});
export type ActivityCategory = (typeof ActivityCategory)[keyof typeof ActivityCategory];

export const ActivityStatus = closedSet('ActivityStatus', '微行动状态 / Activity status', {
  OPEN: '报名中 / Open for sign-up',
  CLOSED: '已截止 / Closed',
});
export type ActivityStatus = (typeof ActivityStatus)[keyof typeof ActivityStatus];

export const SignUpStatus = closedSet('SignUpStatus', '报名状态 / Sign-up status', {
  SIGNED_UP: '已报名 / Signed up',
  WITHDRAWN: '已退出 / Withdrawn',
  CHECKED_IN: '已签到 / Checked in',
  CHECKED_OUT: '已签退 / Checked out',
  VERIFIED: '时长已核定 / Hours verified',
});
export type SignUpStatus = (typeof SignUpStatus)[keyof typeof SignUpStatus];

export const AccountKind = closedSet('PointsAccountKind', '账户类型 / Account kind', {
  VOLUNTEER: '志愿者积分账户 / Volunteer points account',
  TIME_BANK: '时间银行账户（分钟）/ Time-bank account (minutes)',
  ISSUANCE: '区发行账户 / District issuance account',
  STORE: '爱心超市账户 / Charity-store account',
});
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];

export const LedgerUnit = closedSet('LedgerUnit', '计量单位 / Unit of an account', {
  POINTS: '积分 / Points',
  MINUTES: '服务分钟 / Service minutes',
});
export type LedgerUnit = (typeof LedgerUnit)[keyof typeof LedgerUnit];

export const TransferKind = closedSet('TransferKind', '转账类型 / Transfer kind', {
  SERVICE_HOURS: '服务时长积分 / Points for verified hours',
  WISH_FULFILLED: '微心愿积分 / Points for a fulfilled wish',
  MEAL_DELIVERY: '助餐送餐积分 / Points for a delivered meal',
  GRANT: '人工发放 / Manual grant',
  REDEMPTION: '积分兑换 / Redemption',
  REDEMPTION_REFUND: '兑换撤销退还 / Redemption refund',
  FAMILY_TRANSFER: '转赠家人 / Transfer to family',
  HOURS_DEPOSIT: '时间银行存入 / Time-bank deposit',
  HOURS_WITHDRAWAL: '时间银行支取（接受服务）/ Time-bank withdrawal for care received',
  REVERSAL: '冲正 / Reversal',
});
export type TransferKind = (typeof TransferKind)[keyof typeof TransferKind];

export const WishCategory = closedSet('WishCategory', '微心愿类别 / Micro-wish category', {
  DAILY_NEEDS: '生活物资 / Daily necessities',
  STUDY: '学习用品 / Study',
  HEALTH: '健康 / Health',
  COMPANIONSHIP: '陪伴 / Companionship',
  HOME_REPAIR: '家居维修 / Home repair',
  OTHER: '其他 / Other',
});
export type WishCategory = (typeof WishCategory)[keyof typeof WishCategory];

export const WishStatus = closedSet('WishStatus', '微心愿状态 / Micro-wish status', {
  PUBLISHED: '待认领 / Published',
  CLAIMED: '已认领 / Claimed',
  FULFILLED: '已实现待确认 / Fulfilled, awaiting confirmation',
  CONFIRMED: '已确认 / Confirmed',
  EXPIRED: '已过期 / Expired unclaimed',
});
export type WishStatus = (typeof WishStatus)[keyof typeof WishStatus];

export const ClaimantKind = closedSet('WishClaimantKind', '认领方 / Who claimed a wish', {
  VOLUNTEER: '志愿者 / Volunteer',
  TEAM: '志愿服务队 / Team',
  ORGANIZATION: '社会组织 / Organisation',
});
export type ClaimantKind = (typeof ClaimantKind)[keyof typeof ClaimantKind];

export const RedemptionStatus = closedSet('RedemptionStatus', '兑换状态 / Redemption status', {
  REDEEMED: '已兑换 / Redeemed',
  CANCELLED: '已撤销 / Cancelled and refunded',
});
export type RedemptionStatus = (typeof RedemptionStatus)[keyof typeof RedemptionStatus];

export const FamilyRelation = closedSet('FamilyRelation', '亲属关系 / Family relation', {
  SPOUSE: '配偶 / Spouse',
  PARENT: '父母 / Parent',
  CHILD: '子女 / Child',
  SIBLING: '兄弟姐妹 / Sibling',
  GRANDPARENT: '祖父母 / Grandparent',
  GRANDCHILD: '孙子女 / Grandchild',
});
export type FamilyRelation = (typeof FamilyRelation)[keyof typeof FamilyRelation];

export const LeaderboardPeriod = closedSet('LeaderboardPeriod', '排行周期 / Leaderboard period', {
  WEEK: '本周 / This week',
  MONTH: '本月 / This month',
  YEAR: '本年 / This year',
  ALL_TIME: '累计 / All time',
});
export type LeaderboardPeriod = (typeof LeaderboardPeriod)[keyof typeof LeaderboardPeriod];

export const FeedEventKind = closedSet('VolunteerFeedEventKind', '动态类型 / Activity-feed event kind', {
  HOURS_VERIFIED: '时长核定 / Hours verified',
  POINTS_CREDITED: '积分入账 / Points credited',
  POINTS_DEBITED: '积分扣减 / Points debited',
  WISH_CLAIMED: '微心愿认领 / Wish claimed',
  WISH_FULFILLED: '微心愿实现 / Wish fulfilled',
  STAR_LEVEL_REACHED: '星级晋升 / Star level reached',
});
export type FeedEventKind = (typeof FeedEventKind)[keyof typeof FeedEventKind];
