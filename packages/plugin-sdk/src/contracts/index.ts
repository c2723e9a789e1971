/**
 * Cross-program event contracts: one definition per event, imported by the emitter
 * and by every subscriber (`import { MealDelivered } from '@gongzhi/plugin-sdk/contracts'`).
 */
export * from './elderly-dining';
