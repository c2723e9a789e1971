import { defineSettings, setting } from '@gongzhi/plugin-sdk';

export const settings = defineSettings({
  pointsPerHour: setting.int({ title: { zh: '每服务小时积分', en: 'Points per verified hour' }, default: 10, min: 0, max: 1000 }),
  pointsPerMealDelivery: setting.int({ title: { zh: '每次送餐积分', en: 'Points per delivered meal' }, default: 5, min: 0, max: 1000 }),
  pointsPerWish: setting.int({ title: { zh: '每个微心愿积分', en: 'Points per fulfilled micro-wish' }, default: 20, min: 0, max: 10000 }),
  redemptionCancelWindowHours: setting.int({ title: { zh: '兑换可撤销时限（小时）', en: 'Redemption cancellation window (hours)' }, default: 24, min: 0, max: 720 }),
  familyTransfersAllowed: setting.boolean({ title: { zh: '允许向家人转赠积分', en: 'Allow point transfers to family' }, default: true }),
  maxFamilyTransferPoints: setting.int({ title: { zh: '单次转赠上限', en: 'Maximum points per family transfer' }, default: 500, min: 1, max: 1000000 }),
});
