import { Migrator } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { PluginMigration } from '@gongzhi/plugin-sdk';

export interface MigrationPackage {
  /** `core` or a plugin name; its history lives in `mikro_orm_migrations_<name>`. */
  name: string;
  migrations: PluginMigration[];
}

export const migrationTable = (pkg: string) => `mikro_orm_migrations_${pkg.replace(/-/g, '_')}`;

/** Applies each package's pending migrations, packages in the given (dependency) order. */
export async function runMigrations(orm: MikroORM, packages: MigrationPackage[]): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const pkg of packages) {
    const migrator = migratorFor(orm, pkg);
    const done = await migrator.up();
    applied[pkg.name] = done.map((m) => m.name);
  }
  return applied;
}

/** Names of migrations not yet applied, per package (for /readyz). */
export async function pendingMigrations(orm: MikroORM, packages: MigrationPackage[]): Promise<string[]> {
  const pending: string[] = [];
  for (const pkg of packages) {
    const list = await migratorFor(orm, pkg).getPendingMigrations();
    pending.push(...list.map((m) => `${pkg.name}/${m.name}`));
  }
  return pending;
}

function migratorFor(orm: MikroORM, pkg: MigrationPackage): Migrator {
  // Migrator reads its options from the config when constructed.
  orm.config.set('migrations', {
    ...orm.config.get('migrations'),
    tableName: migrationTable(pkg.name),
    migrationsList: pkg.migrations.map((m) => ({ name: m.name, class: m.class as never })),
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    silent: true,
  });
  return new Migrator(orm.em);
}
