/** The MikroORM pieces plugins need, from the one copy the gateway runs. */
export {
  Entity, Property, PrimaryKey, Enum, Index, Unique, OptionalProps, Opt, Check,
  EntityManager, LockMode, raw, sql, BeforeCreate, BeforeUpdate, BigIntType,
} from '@mikro-orm/core';
export type { FilterQuery, EntityData, Loaded, EventArgs } from '@mikro-orm/core';
export { Migration } from '@mikro-orm/migrations';
export type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
