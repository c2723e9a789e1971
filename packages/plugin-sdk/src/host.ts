/**
 * What only the gateway uses (`@gongzhi/plugin-sdk/host`); plugins never import it
 * (lint forbids it). Keeps the plugin API in `@gongzhi/plugin-sdk` to what authors write.
 */
import type { GongzhiPlugin } from './plugin';

export { OutboxEventSchema, type OutboxRecord } from './outbox';
export { FieldCrypto } from './field-crypto';

/** A module's export is a manifest made by `definePlugin`. */
export function isPlugin(value: unknown): value is GongzhiPlugin {
  return !!value && typeof value === 'object' && (value as GongzhiPlugin).kind === 'gongzhi-plugin';
}
