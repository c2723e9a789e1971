import { Field, ID, InputType, Int } from '@gongzhi/plugin-sdk';
import { VentureCategory, VentureRoundPhase } from './grant-enums.type';

@InputType({ description: '阶段计划日期 / Planned dates of one phase' })
export class VenturePhaseDatesInput {
  @Field(() => VentureRoundPhase, { description: '阶段（NEEDS…EVALUATION；PUBLIC_VOTE 可省略）/ Phase, NEEDS to EVALUATION; PUBLIC_VOTE may be left out' }) phase!: VentureRoundPhase;
  @Field({ description: '首日 YYYY-MM-DD / First day' }) startsOn!: string;
  @Field({ description: '末日（含）YYYY-MM-DD / Last day, inclusive' }) endsOn!: string;
}

@InputType({ description: '轮次条件与日程 / A round\'s terms and schedule' })
export class VentureRoundTermsInput {
  @Field({ description: '名称 / Name' }) name!: string;
  @Field(() => Int, { description: '年度 / Year' }) year!: number;
  @Field(() => Int, { description: '总预算（分，最多2亿分即2000万元）/ Budget in fen, at most 2,000,000,000 (20 million yuan)' }) budgetFen!: number;
  @Field(() => Int, { description: '单个项目资助上限（分）/ Cap per project in fen, at most the budget' }) projectCapFen!: number;
  @Field(() => [VentureCategory], { description: '资助类别 / Categories funded' }) categories!: VentureCategory[];
  @Field(() => String, { nullable: true, description: '年度中心工作（含 CENTRAL_TASK 时必填）/ The year\'s central task, required with CENTRAL_TASK' }) centralTask?: string | null;
  @Field(() => [VenturePhaseDatesInput], { description: '阶段日程 / The dated phases' }) schedule!: VenturePhaseDatesInput[];
}

@InputType({ description: '设立创投轮次 / Set up a venture-grants round' })
export class CreateVentureRoundInput {
  @Field(() => ID, { description: '举办层级：区、街道或社区 / Where it is run: a District, Street or Community' }) scope!: string;
  @Field(() => VentureRoundTermsInput, { description: '条件与日程 / Terms and schedule' }) terms!: VentureRoundTermsInput;
}

@InputType({ description: '修改筹备中的轮次 / New terms for a round being set up' })
export class UpdateVentureRoundInput {
  @Field(() => ID, { description: '轮次 / Round' }) roundId!: string;
  @Field(() => VentureRoundTermsInput, { description: '条件与日程 / Terms and schedule' }) terms!: VentureRoundTermsInput;
}

@InputType({ description: '进入下一阶段 / Open the round\'s next phase' })
export class AdvanceVentureRoundPhaseInput {
  @Field(() => ID, { description: '轮次 / Round' }) roundId!: string;
  @Field(() => VentureRoundPhase, { description: '当前阶段（所见）/ The phase the round is in, as you saw it' }) from!: VentureRoundPhase;
}
