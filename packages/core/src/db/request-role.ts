import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { driverReason } from '../util/error-shape';

/**
 * The request path's own login role: it owns nothing, is no member of the owner (so
 * `SET ROLE <owner>` fails), and has no rights of its own (NOINHERIT): only `SET ROLE
 * gongzhi_app`, under row-level security, reaches any table. The system paths keep the
 * owner's connection (DATABASE_URL).
 */
export class RequestRoleError extends Error {
  override name = 'RequestRoleError';
}

/** The login role the gateway creates for a database: `<database>_request` (hashed when that does not fit). */
export function requestRoleName(database: string): string {
  return /^[a-z0-9_]{1,55}$/.test(database) ? `${database}_request` : `gongzhi_request_${createHash('sha256').update(database).digest('hex').slice(0, 12)}`;
}

/**
 * Under the set-up lock, on the system connection: the request path's role and its URL.
 * Operator-provided (`given`): made a member of gongzhi_app when it is not one yet. Else one
 * per database, created on first use with a generated password kept in gongzhi_private.request_login
 * (readable by the owner alone) and sent to PostgreSQL only as a SCRAM verifier.
 */
export async function ensureRequestRole(orm: MikroORM, systemUrl: string, given: string | null): Promise<string> {
  const em = orm.em.fork();
  const url = new URL(given ?? systemUrl);
  const role = given ? decodeURIComponent(url.username) : requestRoleName((await em.execute<{ db: string }[]>('select current_database() as db'))[0].db);
  if (!role) throw new RequestRoleError('GONGZHI_REQUEST_DATABASE_URL names no user');
  const [found] = await em.execute<{ member: boolean }[]>(`select pg_has_role(oid, 'gongzhi_app', 'member') as member from pg_roles where rolname = ?`, [role]);
  if (given && !found) throw new RequestRoleError(`GONGZHI_REQUEST_DATABASE_URL: role "${role}" does not exist (create role "${role}" login noinherit password '…')`);
  if (!given) {
    const [stored] = await em.execute<{ password: string }[]>('select password from gongzhi_private.request_login where role = ?', [role]);
    const password = stored?.password ?? randomBytes(24).toString('hex');
    // Set on every start (same password, so pooled connections of running gateways are unaffected):
    // a role restored or created elsewhere gets the password this database keeps.
    const verb = found ? 'alter' : 'create';
    await em.execute(`${verb} role ${ident(role)} login noinherit nosuperuser nocreatedb nocreaterole nobypassrls noreplication password '${scramVerifier(password)}'`)
      .catch((e: unknown) => {
        throw new RequestRoleError(`DATABASE_URL's role cannot ${verb} the request role "${role}" (${driverReason(e)}): give it CREATEROLE, or create a login role and name it in GONGZHI_REQUEST_DATABASE_URL (README, "Database roles")`);
      });
    await em.execute(`insert into gongzhi_private.request_login (role, password) values (?, ?) on conflict (role) do nothing`, [role, password]);
    url.username = encodeURIComponent(role);
    url.password = encodeURIComponent(password);
  }
  if (!found?.member) {
    await em.execute(`grant gongzhi_app to ${ident(role)}`).catch((e: unknown) => {
      throw new RequestRoleError(`cannot make "${role}" a member of gongzhi_app (${String(e)}): run "grant gongzhi_app to ${ident(role)}" as a role that may`);
    });
  }
  return url.toString();
}

/**
 * On the request connection: refuses a role that could leave row-level security behind.
 * Every problem is reported at once.
 */
export async function assertRequestRole(requestOrm: MikroORM, systemRole: string): Promise<void> {
  const [r] = await requestOrm.em.fork().execute<Record<string, unknown>[]>(`
    select session_user as name, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication,
      session_user = ? as is_system, pg_has_role(session_user, ?, 'member') as system_member,
      pg_has_role(session_user, 'gongzhi_app', 'member') as app_member,
      (select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_proc where proowner = r.oid)
        + (select count(*) from pg_namespace where nspowner = r.oid) + (select count(*) from pg_type where typowner = r.oid)
        + (select count(*) from pg_database where datdba = r.oid) as owned
    from pg_roles r where r.rolname = session_user`, [systemRole, systemRole]);
  const problems = [
    r.rolsuper && 'is a superuser',
    r.rolbypassrls && 'bypasses row-level security',
    r.rolcreaterole && 'may create roles',
    r.rolcreatedb && 'may create databases',
    r.rolreplication && 'is a replication role',
    (r.is_system || r.system_member) && `is (a member of) the system role "${systemRole}"`,
    Number(r.owned) > 0 && `owns ${r.owned} database objects`,
    !r.app_member && 'is not a member of gongzhi_app',
  ].filter(Boolean);
  if (problems.length) throw new RequestRoleError(`request database role "${r.name}" ${problems.join(', ')}: it must own nothing and reach tables only through gongzhi_app`);
}

/** A quoted identifier. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802/7677), so the password itself is never in a statement. */
function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${hmac(salted, 'Server Key').toString('base64')}`;
}
