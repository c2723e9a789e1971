import 'reflect-metadata';

export * from './errors';
export * from './global-id';
export * from './i18n';
export * from './connection';
export * from './settings';
export * from './permissions';
export * from './events';
export * from './context';
export * from './plugin';
export * from './node-registry';
export * from './dashboard';
export * from './core-graph';
export * from './graphql';
export * from './orm';
export * from './validation';
export * from './access-rules';
export { EncryptedText, lookupHash } from './field-crypto';
