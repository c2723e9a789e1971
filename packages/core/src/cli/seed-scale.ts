import 'reflect-metadata';
import { Client } from 'pg';
import { loadConfig } from '../config/config';
import { Gateway } from '../gateway';
import { resolveSecrets } from '../security/secrets';
import { FieldCrypto } from '@gongzhi/plugin-sdk/host';
import { createLogger } from '../util/logger';
import { TIANYUAN, seedScale } from '../seed/scale-seed';

/**
 * `pnpm seed:scale`: migrates, then adds a district of 天元区's size (402,809 residents) to the
 * configured database (embedded when no DATABASE_URL), encrypted with the gateway's data key.
 * Refuses when a district with its division code exists.
 */
async function main(): Promise<void> {
  const config = { ...loadConfig(), seedDemo: false };
  const gateway = new Gateway({ config });
  try {
    const cipher = new FieldCrypto(resolveSecrets(config, createLogger('warn')).dataKey);
    await gateway.migrate();
    const url = gateway.orm.config.get('clientUrl') as string;
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query('select 1 from district where division_code = $1', [TIANYUAN.divisionCode]);
      if (rows.length) {
        process.stdout.write(`${TIANYUAN.name} (${TIANYUAN.divisionCode}) is already seeded\n`);
        return;
      }
      const res = await seedScale(db, cipher);
      process.stdout.write(`${JSON.stringify(res)}\n`);
    } finally {
      await db.end();
    }
  } finally {
    await gateway.stop('scale seed done');
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
