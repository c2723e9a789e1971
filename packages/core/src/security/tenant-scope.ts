import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Signs the tenant setting of a transaction. Row-level security trusts `gongzhi.districts`
 * only with a MAC made with the database's scope key (gongzhi_verified_scope() checks it), so
 * SQL run on the request connection cannot widen its own scope with set_config. The key is
 * read once, on the system connection; the request role cannot read it.
 */
export class TenantScope {
  private constructor(private readonly key: string) {}

  static async load(systemOrm: MikroORM): Promise<TenantScope> {
    const [row] = await systemOrm.em.fork().execute<{ key: string }[]>('select key from gongzhi_private.scope_key');
    if (!row) throw new Error('gongzhi_private.scope_key is empty: the tenant scope cannot be signed');
    return new TenantScope(row.key);
  }

  /** `'*'` (every district) or the districts, as the value of `gongzhi.districts`. */
  setting(districts: '*' | readonly string[]): string {
    const scope = districts === '*' ? '*' : districts.join(',');
    return `${scope}/${sha256(this.key + sha256(this.key + scope))}`;
  }
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
