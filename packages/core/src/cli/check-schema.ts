import 'reflect-metadata';
import { checkSchemaFiles } from '../schema/schema-files';

/** `pnpm schema:check`: fails on stale schema files or unversioned SDL changes. */
checkSchemaFiles().then(
  (problems) => {
    if (problems.length) {
      process.stderr.write(`${problems.join('\n')}\n`);
      process.exit(1);
    }
    process.stdout.write('schema/ is up to date, released snapshots are intact, and every core and plugin change is versioned\n');
  },
  (e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  },
);
