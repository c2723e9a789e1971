import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { ConfigError, Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { createScratchDatabase, createTestGateway, repoRoot } from '@gongzhi/testing';

/**
 * A fresh production database has no account: the operator creates the first platform admin
 * with `pnpm admin:create` or GONGZHI_INITIAL_ADMIN_* (first start only). Both hold the password
 * policy, are audited, and do nothing once an enabled platform admin exists.
 */
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken account { username } } }';
const PASSWORD = 'first-Admin-2026';

async function sql<T = any>(url: string, text: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

function adminCreate(url: string, args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'packages/core/src/cli/create-admin.ts', ...args], {
      cwd: repoRoot, env: { ...(process.env as Record<string, string>), DATABASE_URL: url, ...opts.env },
    });
    let out = '';
    let err = '';
    proc.stdout!.on('data', (d) => (out += d));
    proc.stderr!.on('data', (d) => (err += d));
    proc.stdin!.end(opts.stdin ?? '');
    proc.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('pnpm admin:create', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeAll(async () => {
    db = await createScratchDatabase();
  });
  afterAll(() => db.drop());

  test('refuses a weak password before touching the database', async () => {
    const r = await adminCreate(db.url, ['--username', 'ops.admin'], { stdin: 'short1\n' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('password must be 10–128 characters');
    expect(r.err).not.toContain('short1');
    const tables = await sql(db.url, `select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    expect(tables[0].n).toBe(0);
    expect((await adminCreate(db.url, ['--username', 'ops.admin'], { stdin: 'ops.admin-2026x\n' })).err).toContain('password must not contain the username');
    expect((await adminCreate(db.url, [], {})).code).toBe(2);
  }, 60_000);

  test('creates the first platform admin on a fresh database (password from stdin), audited; a second one is refused', async () => {
    const r = await adminCreate(db.url, ['--username', 'ops.admin', '--display-name', '运维管理员'], { stdin: `${PASSWORD}\n` });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Created platform admin ops\.admin \(account [0-9a-f-]{36}\)\.$/m);
    const grants = await sql(db.url, `select a.username, a.display_name, g.role, g.scope_level from account a join role_grant g on g.account_id = a.id`);
    expect(grants).toEqual([{ username: 'ops.admin', display_name: '运维管理员', role: 'PLATFORM_ADMIN', scope_level: 'PLATFORM' }]);

    const again = await adminCreate(db.url, ['--username', 'someone.else'], { env: { GONGZHI_ADMIN_PASSWORD: PASSWORD } });
    expect(again.code).toBe(1);
    expect(again.err).toContain('Refused: a platform admin already exists.');
    expect((await sql(db.url, 'select count(*)::int as n from account'))[0].n).toBe(1);

    const audit = await sql(db.url, `select actor, outcome, detail->>'source' as source, object_id from audit_log where action = 'account.bootstrap' order by id`);
    expect(audit).toEqual([
      { actor: 'pnpm admin:create', outcome: 'SUCCESS', source: 'cli', object_id: expect.any(String) },
      { actor: 'pnpm admin:create', outcome: 'DENIED', source: 'cli', object_id: null },
    ]);
  }, 90_000);
});

describe('GONGZHI_INITIAL_ADMIN_USERNAME / _PASSWORD', () => {
  test('are validated with the configuration: both or neither, the password policy, the value never echoed', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ GONGZHI_INITIAL_ADMIN_USERNAME: 'ops.admin' })).toEqual(['GONGZHI_INITIAL_ADMIN_USERNAME and GONGZHI_INITIAL_ADMIN_PASSWORD must be set together']);
    const weak = problems({ GONGZHI_INITIAL_ADMIN_USERNAME: 'ops.admin', GONGZHI_INITIAL_ADMIN_PASSWORD: 'onlyletters' });
    expect(weak).toEqual(['GONGZHI_INITIAL_ADMIN_PASSWORD must contain letters and digits']);
    expect(problems({ GONGZHI_INITIAL_ADMIN_USERNAME: 'Ops Admin', GONGZHI_INITIAL_ADMIN_PASSWORD: PASSWORD })).toEqual([
      expect.stringMatching(/^GONGZHI_INITIAL_ADMIN_USERNAME must be 3–40 lowercase/),
    ]);
    expect(loadConfig({ GONGZHI_INITIAL_ADMIN_USERNAME: 'ops.admin', GONGZHI_INITIAL_ADMIN_PASSWORD: PASSWORD }).initialAdmin).toEqual({ username: 'ops.admin', password: PASSWORD });
  });

  test('create the platform admin on first start only; a later start with other values changes nothing', async () => {
    const gw = await createTestGateway({ config: { initialAdmin: { username: 'first.admin', password: PASSWORD } } });
    let second: Gateway | null = null;
    try {
      const login = await gw.request(LOGIN, { u: 'first.admin', p: PASSWORD }, { token: null });
      expect(login.errors).toBeUndefined();
      const me = await gw.request('{ me { grants { role scopeLevel } } }', {}, { token: login.data.login.accessToken });
      expect(me.data.me.grants).toEqual([{ role: 'PLATFORM_ADMIN', scopeLevel: 'PLATFORM' }]);
      expect(await gw.sql(`select actor, outcome, detail->>'source' as source from audit_log where action = 'account.bootstrap'`)).toEqual([
        { actor: 'GONGZHI_INITIAL_ADMIN_USERNAME', outcome: 'SUCCESS', source: 'environment' },
      ]);

      // A restart (another gateway on the same database) with a different initial admin: ignored, not audited.
      const config = { ...gw.gateway.config, initialAdmin: { username: 'second.admin', password: PASSWORD } };
      second = await new Gateway({ config, plugins: [], logger: createLogger('error') }).start();
      expect((await gw.sql(`select count(*)::int as n from account where username = 'second.admin'`))[0].n).toBe(0);
      expect((await gw.sql(`select count(*)::int as n from audit_log where action = 'account.bootstrap'`))[0].n).toBe(1);
      expect((await gw.request(LOGIN, { u: 'second.admin', p: PASSWORD }, { token: null })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await second?.stop();
      await gw.close();
    }
  }, 90_000);

  test('a start whose initial admin name is taken by a non-admin, with no admin at all, refuses to start', async () => {
    const gw = await createTestGateway();
    try {
      await gw.sql(`update role_grant set revoked_at = now() where role = 'PLATFORM_ADMIN'`);
      await gw.sql(`insert into account (id, username, display_name) values (gen_random_uuid(), 'taken.name', 'x')`);
      const config = { ...gw.gateway.config, initialAdmin: { username: 'taken.name', password: PASSWORD } };
      const g = new Gateway({ config, plugins: [], logger: createLogger('error') });
      await expect(g.start()).rejects.toThrow('GONGZHI_INITIAL_ADMIN_USERNAME: username "taken.name" is taken by an account that is not a platform admin');
      await g.stop().catch(() => undefined);
    } finally {
      await gw.close();
    }
  }, 60_000);
});
