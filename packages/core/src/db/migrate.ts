import { MigrationRunner, MigrationStorage, type Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { PluginMigration } from '@gongzhi/plugin-sdk';

export interface MigrationPackage {
  /** `core` or a plugin name; its history lives in `mikro_orm_migrations_<name>`. */
  name: string;
  /** Tracked under their class names. */
  migrations: PluginMigration[];
}

export const migrationTable = (pkg: string) => `mikro_orm_migrations_${pkg.replace(/-/g, '_')}`;

/** Applies each package's pending migrations, packages in the given (dependency) order. */
export async function runMigrations(orm: MikroORM, packages: MigrationPackage[]): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const pkg of packages) applied[pkg.name] = await migratePackage(orm, pkg);
  return applied;
}

/** Names of migrations not yet applied, per package (for /readyz). */
export async function pendingMigrations(orm: MikroORM, packages: MigrationPackage[]): Promise<string[]> {
  const pending: string[] = [];
  for (const pkg of packages) {
    // A reader: no history table yet means nothing applied (never created here).
    const done = new Set(await historyOf(orm, pkg).storage.executed().catch(() => [] as string[]));
    pending.push(...pkg.migrations.filter((m) => !done.has(m.name)).map((m) => `${pkg.name}/${m.name}`));
  }
  return pending;
}

/**
 * MikroORM's runner and history table with options of their own per package: the
 * ORM's shared configuration is never rewritten, so packages (and gateways) cannot
 * see each other's migration lists.
 */
function historyOf(orm: MikroORM, pkg: MigrationPackage) {
  const driver = orm.em.getDriver();
  const options = { ...orm.config.get('migrations'), tableName: migrationTable(pkg.name), transactional: true, snapshot: false, silent: true };
  return { driver, storage: new MigrationStorage(driver, options), runner: new MigrationRunner(driver, options, orm.config) };
}

/** All pending migrations of a package in one transaction with their history rows. */
async function migratePackage(orm: MikroORM, pkg: MigrationPackage): Promise<string[]> {
  const { driver, storage, runner } = historyOf(orm, pkg);
  await storage.ensureTable();
  const done = new Set(await storage.executed());
  const pending = pkg.migrations.filter((m) => !done.has(m.name));
  if (!pending.length) return [];
  await driver.getConnection().transactional(async (tx) => {
    runner.setMasterMigration(tx);
    storage.setMasterMigration(tx);
    for (const M of pending) {
      const Class = M as unknown as new (d: typeof driver, c: typeof orm.config) => Migration;
      await runner.run(new Class(driver, orm.config), 'up');
      await storage.logMigration({ name: M.name, context: null });
    }
  });
  return pending.map((m) => m.name);
}
