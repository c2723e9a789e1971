import { Migration20261122000000_core_tree } from './Migration20261122000000_core_tree';
import { Migration20261122010000_identity } from './Migration20261122010000_identity';
import { Migration20261202000000_event_version } from './Migration20261202000000_event_version';
import { Migration20261202010000_rls_once_per_statement } from './Migration20261202010000_rls_once_per_statement';
import { Migration20261202020000_identity_rls } from './Migration20261202020000_identity_rls';
import { Migration20261202030500_tree_rollup } from './Migration20261202030500_tree_rollup';
import { Migration20261203000000_signed_tenant_scope } from './Migration20261203000000_signed_tenant_scope';
import { Migration20261203010000_login_failure } from './Migration20261203010000_login_failure';
import { Migration20261203140000_job_run } from './Migration20261203140000_job_run';
import { Migration20261203150000_resident_relation } from './Migration20261203150000_resident_relation';

/** Core migrations in order (tracked under their class names); released ones are never edited. */
export const coreMigrations = [
  Migration20261122000000_core_tree,
  Migration20261122010000_identity,
  Migration20261202000000_event_version,
  Migration20261202010000_rls_once_per_statement,
  Migration20261202020000_identity_rls,
  Migration20261202030500_tree_rollup,
  Migration20261203000000_signed_tenant_scope,
  Migration20261203010000_login_failure,
  Migration20261203140000_job_run,
  Migration20261203150000_resident_relation,
];
