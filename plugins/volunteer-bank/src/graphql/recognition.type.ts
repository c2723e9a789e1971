import { Field, Float, Int, ObjectType } from '@gongzhi/plugin-sdk';
import { Volunteer } from '../entities/volunteer.entity';
import { LeaderboardPeriod } from './enums.type';

@ObjectType({ description: '积分排名条目 / Leaderboard entry' })
export class LeaderboardEntry {
  @Field(() => Int, { description: '名次 / Rank' }) rank!: number;
  @Field(() => Volunteer) volunteer!: Volunteer;
  @Field(() => Int, { description: '周期内获得积分 / Points earned in the period' }) points!: number;
  @Field(() => Float, { description: '周期内核定小时 / Verified hours in the period' }) hours!: number;
}

@ObjectType({ description: '积分排行榜 / Leaderboard' })
export class Leaderboard {
  @Field(() => LeaderboardPeriod) period!: LeaderboardPeriod;
  @Field(() => [LeaderboardEntry]) entries!: LeaderboardEntry[];
}

@ObjectType({ description: '志愿服务概况 / Volunteer figures for a node of the tree' })
export class VolunteerBankFigures {
  @Field(() => Int, { description: '注册志愿者 / Registered volunteers' }) volunteers!: number;
  @Field(() => Float, { description: '本月核定小时 / Verified hours this month' }) hoursThisMonth!: number;
  @Field(() => Int, { description: '流通积分 / Points in circulation' }) pointsInCirculation!: number;
  @Field(() => Int, { description: '待实现微心愿 / Open micro-wishes' }) openWishes!: number;
}
