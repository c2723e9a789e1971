import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { requestRoleName } from '@gongzhi/core';

/** The server tests run against: DATABASE_URL, else the embedded one jest's global setup started. */
export function serverUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env.GONGZHI_TEST_DATABASE_URL;
  if (!url) throw new Error('No DATABASE_URL: run tests through `pnpm test` (its global setup starts an embedded PostgreSQL)');
  return url;
}

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

/** A fresh, empty database for one test file; dropped by `drop()`. */
export async function createScratchDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const admin = serverUrl();
  const name = `gz_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const c = new Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  return {
    url: withDb(admin, name),
    name,
    drop: async () => {
      const d = new Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.query(`drop role if exists ${requestRoleName(name)}`); // roles are per server, the gateway made one for this database
      await d.end();
    },
  };
}
