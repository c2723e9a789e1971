import { Migration20261122000000_core_tree } from './Migration20261122000000_core_tree';
import { Migration20261122010000_identity } from './Migration20261122010000_identity';

/** Core migrations in order; released ones are never edited. */
export const coreMigrations = [
  { name: 'Migration20261122000000_core_tree', class: Migration20261122000000_core_tree },
  { name: 'Migration20261122010000_identity', class: Migration20261122010000_identity },
];
