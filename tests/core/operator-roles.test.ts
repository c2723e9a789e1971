import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { installedPlugins, serverUrl } from '@gongzhi/testing';

/**
 * A server where the gateway's owner is no superuser and may not create roles, set up with
 * the very file docker/compose.yaml runs on its PostgreSQL's first start
 * (docker/postgres-init/gongzhi-roles.sql), under names of this test's own.
 */
const N = `gz_op${randomBytes(3).toString('hex')}`;
const names = { database: `${N}_db`, owner_role: `${N}_own`, owner_password: 'owner-pass-1', request_role: `${N}_req`, request_password: 'request-pass-1' };
const url = (user: string, password: string) => {
  const u = new URL(serverUrl());
  Object.assign(u, { username: user, password, pathname: `/${names.database}` });
  return u.toString();
};
const ownerUrl = url(names.owner_role, names.owner_password);
const requestUrl = url(names.request_role, names.request_password);

/** The psql the file is written for, as far as it uses it: `:'v'`, `:"v"`, `\gexec`, `\set`. */
async function runPsqlFile(file: string, vars: Record<string, string>): Promise<void> {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  try {
    const text = fs.readFileSync(file, 'utf8')
      .replace(/:'(\w+)'/g, (_, v: string) => `'${vars[v].replace(/'/g, "''")}'`)
      .replace(/:"(\w+)"/g, (_, v: string) => `"${vars[v].replace(/"/g, '""')}"`);
    let statement = '';
    for (const line of text.split('\n')) {
      if (/^\s*(--|\\set\b|$)/.test(line)) continue;
      statement += `${line}\n`;
      const gexec = /\\gexec\s*$/.test(line);
      if (!gexec && !/;\s*$/.test(line)) continue;
      const res = await c.query(statement.replace(/\\gexec\s*$/, ''));
      if (gexec) for (const row of res.rows) await c.query(Object.values(row)[0] as string); // each row is a statement
      statement = '';
    }
  } finally {
    await c.end();
  }
}

const start = (config: { databaseUrl: string; requestDatabaseUrl?: string | null }) =>
  new Gateway({ config: loadConfig({ GONGZHI_MODE: 'test' }, { ...config, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'error' }), plugins: installedPlugins(), logger: createLogger('error') });

beforeAll(async () => {
  await runPsqlFile(path.resolve(__dirname, '../../docker/postgres-init/gongzhi-roles.sql'), names);
});
afterAll(async () => {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  await c.query(`drop database if exists ${names.database} with (force)`);
  await c.query(`drop role if exists ${names.request_role}`);
  await c.query(`drop role if exists ${names.owner_role}`);
  await c.end();
});

test('the compose set-up file makes an owner that is no superuser and a request role that owns nothing', async () => {
  const c = new Client({ connectionString: serverUrl() });
  await c.connect();
  const { rows } = await c.query(`select rolname, rolsuper, rolcreaterole, rolcreatedb, rolinherit, rolcanlogin,
      pg_has_role(oid, 'gongzhi_app', 'member') as app from pg_roles where rolname in ($1, $2) order by rolname`, [names.owner_role, names.request_role]);
  await c.end();
  expect(rows).toEqual([
    { rolname: names.owner_role, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolinherit: true, rolcanlogin: true, app: true },
    { rolname: names.request_role, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolinherit: false, rolcanlogin: true, app: true },
  ]);
});

test('without GONGZHI_REQUEST_DATABASE_URL, an owner that may not create roles is refused with what to do', async () => {
  const g = start({ databaseUrl: ownerUrl });
  const refusal = await g.start().then(() => null, (e: Error) => e);
  expect(refusal?.message).toMatch(/cannot create the request role .* give it CREATEROLE, or create a login role and name it in GONGZHI_REQUEST_DATABASE_URL/);
  expect(refusal?.message).not.toMatch(/SCRAM|password '/); // the statement carries the role's password verifier
  await g.stop('refused').catch(() => undefined);
});

test('with it, the gateway migrates as the owner (plugins\' trusted extensions included) and serves as the request role', async () => {
  const g = start({ databaseUrl: ownerUrl, requestDatabaseUrl: requestUrl });
  try {
    await g.start();
    const ready = await fetch(`${g.url}/readyz`);
    expect(ready.status).toBe(200);
    const [{ tables, mine }] = await g.orm.em.fork().execute<{ tables: number; mine: number }[]>(`select
      (select count(*)::int from pg_tables where schemaname = 'public') as tables,
      (select count(*)::int from pg_tables where schemaname = 'public' and tableowner <> current_user) as mine`);
    expect(tables).toBeGreaterThan(10);
    expect(mine).toBe(0); // every table is the owner's
    const [who] = await g.requestOrm.em.fork().execute<{ s: string }[]>('select session_user as s');
    expect(who.s).toBe(names.request_role);
    const res = await g.requestOrm.em.fork().transactional(async (tx) => {
      await tx.execute('set local role gongzhi_app');
      return tx.execute<{ n: number }[]>('select count(*)::int as n from district');
    });
    expect(res).toEqual([{ n: 0 }]);
  } finally {
    await g.stop('test');
  }
});
