import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Gateway, createLogger, loadConfig, requestRoleName } from '@gongzhi/core';
import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * The request path's database login, from the attacker's side: someone who runs any SQL
 * they like on the gateway's request connection (an injection, a compromised resolver).
 * They connect exactly as the request pool does, and try to leave row-level security.
 */
let gw: TestGateway;
let attacker: Client;
let owner: string;
let requestRole: string;
const districts: string[] = [];
const residentsOf: Record<string, number> = {};

const withUser = (url: string, user: string, password: string) => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};
/** What the attacker's statement answers, or the error it raised (`!` + message). */
const attempt = async (sql: string, params: unknown[] = []): Promise<string> => {
  try {
    const res = await attacker.query(sql, params);
    return JSON.stringify(res.rows);
  } catch (e) {
    return `!${(e as Error).message}`;
  }
};

beforeAll(async () => {
  gw = await createTestGateway();
  for (const [code, n] of [['440103', 3], ['440104', 2]] as const) {
    const t = await gw.seed.tree({ divisionCode: code, streets: 1, communitiesPerStreet: 1, residentsPerCommunity: n });
    districts.push(t.district.id);
    residentsOf[t.district.id] = n;
  }
  attacker = new Client({ connectionString: gw.gateway.requestOrm.config.get('clientUrl') as string });
  await attacker.connect();
  [{ owner }] = await gw.sql(`select current_user as owner`);
  requestRole = requestRoleName(new URL(gw.databaseUrl).pathname.slice(1));
});
afterAll(async () => {
  await attacker?.end();
  await gw?.close();
});

test('the request pool logs in as its own role; the system paths (sequencer, relay, identity) as the owner', async () => {
  expect(JSON.parse(await attempt('select session_user as s'))).toEqual([{ s: requestRole }]);
  expect(requestRole).not.toBe(owner);
  const res = await gw.request(`{ districts { nodes { id } } sessionScope { tenantSetting databaseRole } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.sessionScope).toEqual({ tenantSetting: '*', databaseRole: 'gongzhi_app' });
  const users = (await gw.sql(`select distinct usename from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`)).map((r) => r.usename);
  expect(users).toEqual(expect.arrayContaining([requestRole, owner]));
});

test('the request role is no superuser, bypasses nothing, inherits nothing, is a member of gongzhi_app only and owns nothing', async () => {
  const [r] = JSON.parse(await attempt(`select rolsuper, rolbypassrls, rolinherit, rolcreaterole, rolcreatedb, rolreplication,
      array(select b.rolname::text from pg_auth_members m join pg_roles b on b.oid = m.roleid where m.member = r.oid) as member_of,
      pg_has_role(session_user, $1, 'member') as owner_member,
      (select count(*)::int from pg_class where relowner = r.oid) + (select count(*)::int from pg_proc where proowner = r.oid)
        + (select count(*)::int from pg_namespace where nspowner = r.oid) + (select count(*)::int from pg_type where typowner = r.oid)
        + (select count(*)::int from pg_database where datdba = r.oid) as owned
    from pg_roles r where rolname = session_user`, [owner]));
  expect(r).toEqual({ rolsuper: false, rolbypassrls: false, rolinherit: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, member_of: ['gongzhi_app'], owner_member: false, owned: 0 });
  // and it cannot come to own anything in the database
  expect(await attempt('create table public.mine (x int)')).toMatch(/^!permission denied/);
  expect(await attempt('create schema mine')).toMatch(/^!permission denied/);
  expect(await attempt(`create function public.mine() returns int language sql as 'select 1'`)).toMatch(/^!permission denied/);
});

test('SET ROLE to the owner (or any other role), SESSION AUTHORIZATION and RESET ROLE lead nowhere', async () => {
  for (const role of [owner, 'postgres', 'pg_read_all_data', 'pg_write_all_data']) {
    expect(await attempt(`set role "${role}"`)).toMatch(/^!permission denied/);
    expect(await attempt(`select set_config('role', $1, false)`, [role])).toMatch(/^!permission denied/);
  }
  expect(await attempt(`set session authorization "${owner}"`)).toMatch(/^!permission denied/);
  // NOINHERIT: outside gongzhi_app the role itself has no right on any table
  for (const sql of ['reset role', 'set role none']) {
    await attempt('set role gongzhi_app');
    await attempt(sql);
    expect(await attempt('select count(*) from resident')).toMatch(/^!permission denied/);
    expect(await attempt('select count(*) from district')).toMatch(/^!permission denied/);
  }
});

test('the tenant setting counts only when signed by the gateway: set_config tricks show and change no row', async () => {
  const [a, b] = districts;
  const signedA = gw.tenantSetting([a]);
  const macA = signedA.split('/')[1];
  const forged = ['*', a, `${a},${b}`, `*/${'0'.repeat(64)}`, `${b}/${macA}`, `*/${macA}`, `${a},${b}/${macA}`, `${signedA}/x`, `${signedA.toUpperCase()}`, ` ${signedA}`];
  await attempt('set role gongzhi_app');
  for (const local of [true, false]) {
    for (const value of forged) {
      await attempt('begin');
      await attempt('set local role gongzhi_app');
      await attempt(`select set_config('gongzhi.districts', $1, ${local})`, [value]);
      expect([value, await attempt(`select (select count(*)::int from resident) as r, (select count(*)::int from district) as d,
        gongzhi_sees_all() as all, gongzhi_verified_scope() as scope`)]).toEqual([value, JSON.stringify([{ r: 0, d: 0, all: false, scope: '' }])]);
      expect(await attempt(`update resident set name = 'x' returning id`)).toBe('[]');
      expect(await attempt(`delete from resident returning id`)).toBe('[]');
      expect(await attempt(`insert into district (id, name, division_code) values (gen_random_uuid(), '假区', '449999')`)).toMatch(/^!new row violates row-level security/);
      await attempt('rollback');
    }
  }
  // the gateway's own signature (positive control): exactly district a
  await attempt('begin');
  await attempt('set local role gongzhi_app');
  await attempt(`select set_config('gongzhi.districts', $1, true)`, [signedA]);
  expect(await attempt(`select (select count(*)::int from resident) as r, gongzhi_verified_scope() as scope`)).toBe(JSON.stringify([{ r: residentsOf[a], scope: a }]));
  await attempt('rollback');
  await attempt('reset role');
  await attempt(`select set_config('gongzhi.districts', '', false)`);
});

test('the scope key, the request role\'s password, migration history, set-up steps and refresh tokens are out of reach', async () => {
  await attempt('set role gongzhi_app');
  expect(await attempt('select key from gongzhi_private.scope_key')).toMatch(/^!permission denied/);
  expect(await attempt('select password from gongzhi_private.request_login')).toMatch(/^!permission denied/);
  expect(await attempt(`insert into mikro_orm_migrations_core (name) values ('Migration29990101000000_never_run')`)).toMatch(/^!permission denied/);
  expect(await attempt(`update gongzhi_setup set fingerprint = 'x'`)).toMatch(/^!permission denied/);
  expect(await attempt('select count(*) from refresh_token')).toMatch(/^!permission denied/);
  expect(await attempt(`update audit_log set outcome = 'SUCCESS'`)).toMatch(/^!permission denied/);
  await attempt('reset role');
  expect(await attempt('select key from gongzhi_private.scope_key')).toMatch(/^!permission denied/);
});

describe('an operator-provided request role (GONGZHI_REQUEST_DATABASE_URL)', () => {
  const start = (requestDatabaseUrl: string) => {
    const config = loadConfig({ GONGZHI_MODE: 'test' }, { databaseUrl: gw.databaseUrl, requestDatabaseUrl, port: 0, host: '127.0.0.1', seedDemo: false, logLevel: 'error' });
    return new Gateway({ config, plugins: [], logger: createLogger('error') });
  };
  const startRefused = async (url: string): Promise<string> => {
    const g = start(url);
    try {
      await g.start();
      return 'started';
    } catch (e) {
      return String(e);
    } finally {
      await g.stop('test').catch(() => undefined);
    }
  };

  test('is made a member of gongzhi_app and serves requests under row-level security', async () => {
    const role = `gz_op_${randomBytes(4).toString('hex')}`;
    await gw.sql(`create role ${role} login noinherit password 'operator-pass-1'`);
    const g = start(withUser(gw.databaseUrl, role, 'operator-pass-1'));
    try {
      await g.start();
      const res = await fetch(`${g.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.adminToken}` },
        body: JSON.stringify({ query: `{ districts { nodes { id } } sessionScope { databaseRole } }` }),
      }).then((r) => r.json());
      expect(res.errors).toBeUndefined();
      expect(res.data.districts.nodes).toHaveLength(districts.length);
      expect(res.data.sessionScope.databaseRole).toBe('gongzhi_app');
      const [m] = await gw.sql(`select pg_has_role($1, 'gongzhi_app', 'member') as app, exists (select 1 from pg_stat_activity where usename = $1) as connected`, [role]);
      expect(m).toEqual({ app: true, connected: true });
    } finally {
      await g.stop('test');
      await gw.sql(`drop role ${role}`);
    }
  });

  test('the owner, a superuser, or a role owning a table is refused before anything is served', async () => {
    expect(await startRefused(gw.databaseUrl)).toMatch(/RequestRoleError: request database role ".+" is a superuser.*is \(a member of\) the system role/);
    const role = `gz_op_${randomBytes(4).toString('hex')}`;
    await gw.sql(`create role ${role} login password 'operator-pass-2'`);
    await gw.sql(`create table ${role}_t (x int)`);
    await gw.sql(`alter table ${role}_t owner to ${role}`);
    try {
      expect(await startRefused(withUser(gw.databaseUrl, role, 'operator-pass-2'))).toMatch(/owns [1-9]\d* database objects/); // the table (and its row types)
      expect(await startRefused(withUser(gw.databaseUrl, `${role}_missing`, 'x'))).toMatch(/role ".+_missing" does not exist/);
    } finally {
      await gw.sql(`drop table ${role}_t`);
      await gw.sql(`drop owned by ${role}`);
      await gw.sql(`drop role ${role}`);
    }
  });
});
