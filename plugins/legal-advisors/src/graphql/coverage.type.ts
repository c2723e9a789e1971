import { Field, Float, Int, ObjectType } from '@gongzhi/plugin-sdk';

@ObjectType({ description: '法律顾问覆盖率 / Communities with an active legal advisor' })
export class LegalAdvisorCoverage {
  @Field(() => Int, { description: '社区总数 / Communities' }) communities!: number;
  @Field(() => Int, { description: '已配备法律顾问 / Communities with an advisor' }) covered!: number;

  @Field(() => Int, { description: '未配备 / Communities without an advisor' })
  get uncovered(): number {
    return this.communities - this.covered;
  }

  @Field(() => Float, { description: '覆盖率（0–100）/ Coverage, percent' })
  get percent(): number {
    return this.communities ? Math.round((this.covered / this.communities) * 1000) / 10 : 0;
  }
}
