/**
 * What only the gateway uses (`@gongzhi/plugin-sdk/host`); plugins never import it
 * (lint forbids it). Keeps the plugin API in `@gongzhi/plugin-sdk` to what authors write.
 */
export { OutboxEventSchema, type OutboxRecord } from './outbox';
