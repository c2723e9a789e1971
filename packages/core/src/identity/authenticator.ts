import type { MikroORM } from '@mikro-orm/postgresql';
import { UnauthenticatedError, type Actor } from '@gongzhi/plugin-sdk';
import type { RoleGrantEntity } from '../entities';
import type { TokenService } from './tokens';

export interface Caller {
  actor: Actor & { sessionId: string | null };
  grants: RoleGrantEntity[];
  expiresAt: Date;
}

interface CallerRow {
  id: string;
  display_name: string;
  resident_id: string | null;
  revoked: boolean;
  grants: { id: string; role: string; scope_level: string; district_id: string | null; scope_id: string | null; granted_at: string }[];
}

/** Bearer token → caller with active grants, in one query; revoked sessions are refused. */
export class Authenticator {
  constructor(private readonly orm: MikroORM, private readonly tokens: TokenService) {}

  /** `Bearer x` or the bare token; null without one. Throws UNAUTHENTICATED when invalid, expired or revoked. */
  async authenticate(header: string | undefined | null): Promise<Caller | null> {
    if (!header) return null;
    const token = header.replace(/^Bearer\s+/i, '').trim();
    if (!token) return null;
    const verified = await this.tokens.verify(token);
    if (!verified) throw unauthenticated('Invalid or expired token');
    let accountId: string;
    let sessionId: string | null = null;
    if (verified.kind === 'own') {
      accountId = verified.claims.accountId;
      sessionId = verified.claims.sessionId;
    } else {
      const [row] = await this.orm.em.fork().execute<{ id: string }[]>(`select id from account where external_subject = ? and not disabled`, [verified.subject]);
      if (!row) throw unauthenticated('No account is linked to this identity');
      accountId = row.id;
    }
    const [row] = await this.orm.em.fork().execute<CallerRow[]>(`
      select a.id, a.display_name, a.resident_id,
        exists (select 1 from refresh_token r where r.family_id = ? and r.revoked_at is not null) as revoked,
        coalesce(json_agg(json_build_object('id', g.id, 'role', g.role, 'scope_level', g.scope_level, 'district_id', g.district_id, 'scope_id', g.scope_id, 'granted_at', g.granted_at))
                 filter (where g.id is not null), '[]') as grants
      from account a left join role_grant g on g.account_id = a.id and g.revoked_at is null
      where a.id = ? and not a.disabled group by a.id`, [sessionId, accountId]);
    if (!row || row.revoked) throw unauthenticated('Session revoked');
    return {
      actor: { accountId: row.id, displayName: row.display_name, residentId: row.resident_id, sessionId },
      grants: row.grants.map((g) => ({ id: g.id, accountId: row.id, role: g.role, scopeLevel: g.scope_level, districtId: g.district_id, scopeId: g.scope_id, grantedAt: new Date(g.granted_at) }) as RoleGrantEntity),
      expiresAt: verified.kind === 'own' ? verified.claims.expiresAt : verified.expiresAt,
    };
  }
}

const unauthenticated = (message: string) => {
  const e = new UnauthenticatedError(message);
  (e.extensions as Record<string, unknown>).http = { status: 401 };
  return e;
};
