import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { Gateway } from '../gateway';

/** `pnpm db:migrate`: apply pending migrations of core and every loaded plugin, then exit. */
async function main(): Promise<void> {
  const gateway = new Gateway({ config: { ...loadConfig(), seedDemo: false } });
  try {
    const applied = await gateway.migrate();
    for (const [pkg, names] of Object.entries(applied)) {
      process.stdout.write(`${pkg}: ${names.length ? names.join(', ') : 'up to date'}\n`);
    }
  } finally {
    await gateway.stop('migrations done');
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
