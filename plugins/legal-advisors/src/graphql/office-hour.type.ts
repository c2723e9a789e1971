import { DateTimeISO, Field, ObjectType, registerEnumType } from '@gongzhi/plugin-sdk';
import { OfficeHour } from '../entities/office-hour.entity';
import type { SkipReason } from '../services/office-hours.service';

export enum OfficeHourSkipReason { ALREADY_SCHEDULED = 'ALREADY_SCHEDULED', NO_ADVISOR = 'NO_ADVISOR', LAWYER_BUSY = 'LAWYER_BUSY' }
registerEnumType(OfficeHourSkipReason, {
  name: 'OfficeHourSkipReason', description: '未生成坐班的原因 / Why an office hour was not made',
  valuesConfig: {
    ALREADY_SCHEDULED: { description: '已存在 / It exists already' },
    NO_ADVISOR: { description: '当天社区无法律顾问 / The community has no advisor that day' },
    LAWYER_BUSY: { description: '顾问同一时间在其他社区坐班 / The advisor sits elsewhere then' },
  },
});

@ObjectType({ description: '未生成的坐班 / An office hour the pattern did not make' })
export class SkippedOfficeHour {
  @Field(() => DateTimeISO, { description: '开始 / Would have started at' }) startsAt!: Date;
  @Field(() => OfficeHourSkipReason, { description: '原因 / Why' }) reason!: SkipReason;
}

@ObjectType({ description: '生成结果 / Office hours made from the pattern' })
export class GeneratedOfficeHours {
  @Field(() => [OfficeHour], { description: '新生成 / Made' }) created!: OfficeHour[];
  @Field(() => [SkippedOfficeHour], { description: '未生成 / Not made, with why' }) skipped!: SkippedOfficeHour[];
}
