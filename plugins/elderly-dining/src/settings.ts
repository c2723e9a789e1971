import { defineSettings, setting } from '@gongzhi/plugin-sdk';

const fen = (zh: string, en: string, def: number) =>
  setting.int({ title: { zh: `${zh}（分/餐）`, en: `${en} (fen per meal)` }, default: def, min: 0, max: 100_000 });

/**
 * District settings of the dining program. Subsidies are integer fen per meal; the
 * best applicable tier wins. Cutoffs are Asia/Shanghai wall-clock times on the meal's day,
 * used as defaults for canteens created without their own.
 */
export const diningSettings = defineSettings({
  subsidyAge80: fen('80岁以上高龄补贴', 'Subsidy for elders aged 80+', 300),
  subsidyLowIncome: fen('低保补贴', 'Subsidy for low-income (dibao) elders', 500),
  subsidyExtremePoverty: fen('特困补贴', 'Subsidy for extreme-poverty elders', 800),
  subsidyDisabled: fen('残疾补贴', 'Subsidy for disabled elders', 400),
  subsidyLivingAlone: fen('独居补贴', 'Subsidy for elders living alone', 200),
  minimumAge: setting.int({ title: { zh: '助餐最低年龄', en: 'Minimum age to enrol' }, default: 60, min: 0, max: 120 }),
  defaultCutoffBreakfast: setting.time({ title: { zh: '早餐默认截止时间', en: 'Default breakfast cutoff' }, default: '06:30' }),
  defaultCutoffLunch: setting.time({ title: { zh: '午餐默认截止时间', en: 'Default lunch cutoff' }, default: '09:30' }),
  defaultCutoffDinner: setting.time({ title: { zh: '晚餐默认截止时间', en: 'Default dinner cutoff' }, default: '14:30' }),
});
