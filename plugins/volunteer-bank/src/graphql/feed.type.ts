import { DateTimeISO, Field, ID, Int, ObjectType } from '@gongzhi/plugin-sdk';
import { FeedEventKind } from './enums.type';

@ObjectType({ description: '社区志愿动态 / Item of a community volunteer feed' })
export class VolunteerFeedItem {
  @Field(() => ID, { description: '事件序号（断线重连用）/ Event id (resume after it)' }) eventId!: string;
  @Field(() => FeedEventKind) kind!: FeedEventKind;
  @Field(() => DateTimeISO) occurredAt!: Date;
  @Field(() => ID, { nullable: true, description: '志愿者全局ID / Volunteer global id' }) volunteerId!: string | null;
  @Field(() => Int, { nullable: true, description: '积分 / Points' }) points!: number | null;
  @Field(() => Int, { nullable: true, description: '分钟 / Minutes' }) minutes!: number | null;
  @Field(() => Int, { nullable: true, description: '星级 / Star level' }) starLevel!: number | null;
  @Field(() => ID, { nullable: true, description: '微心愿全局ID / Wish global id' }) wishId!: string | null;
}
