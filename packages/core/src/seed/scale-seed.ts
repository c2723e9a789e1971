import { randomUUID } from 'node:crypto';
import { chineseName, rng } from './people-generator';
import { IdNumbers, scalePerson } from './scale-people';

export interface ScaleShape {
  name: string;
  divisionCode: string;
  streets: readonly { name: string; kind: 'STREET' | 'TOWN'; communities: number }[];
  grids: number;
  households: number;
  residents: number;
  organizations: number;
  socialWorkers: number;
}

/** What a district of 天元区's size has (株洲市天元区, 2020 census and civil-affairs figures). */
export const TIANYUAN: ScaleShape = {
  name: '天元区',
  divisionCode: '430211',
  streets: [
    { name: '嵩山路街道', kind: 'STREET', communities: 29 },
    { name: '泰山路街道', kind: 'STREET', communities: 27 },
    { name: '栗雨街道', kind: 'STREET', communities: 24 },
    { name: '群丰镇', kind: 'TOWN', communities: 20 },
  ],
  grids: 792,
  households: 156_294,
  residents: 402_809,
  organizations: 1_100,
  socialWorkers: 705,
};

/** The few SQL calls the seed needs (a `pg` client or pool fits). */
export interface SqlRunner {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

/** How identity numbers and phones are stored: the same cipher and lookup hash as `EncryptedText`. */
export interface SeedCipher {
  encrypt(plain: string): string;
  lookupHash(plain: string): string;
}

export interface ScaleSeedResult {
  districtId: string;
  streets: number;
  communities: number;
  grids: number;
  households: number;
  residents: number;
  organizations: number;
  socialWorkers: number;
  ms: number;
}

/** Splits `total` over `weights` in whole numbers that add up exactly (largest remainder). */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0, left = total - out.reduce((a, b) => a + b, 0); k < left; k++) out[order[k][1]]++;
  return out;
}

const SYLLABLES = '金银湘枫栗樟桂荷松竹云江泰嵩雨丰兴和安康宁华新乐福祥瑞德明光';
const BATCH = 20_000;

const place = (i: number, suffix: string) => `${SYLLABLES[i % SYLLABLES.length]}${SYLLABLES[(i * 7 + 3) % SYLLABLES.length]}${suffix}`;

/**
 * Builds one district of the given shape (default 天元区): streets/towns, communities/villages,
 * grids with their households, residents with care tags and encrypted identity numbers and
 * phones, social organisations serving communities, and social workers. Structure rows and
 * residents go in as `unnest` arrays of 20,000 rows per statement, organisations and social
 * workers from `generate_series`; one transaction, deterministic for a given `seed`.
 * The data model has no housing estates (小区), so the shape has none.
 */
export async function seedScale(db: SqlRunner, cipher: SeedCipher, shape: ScaleShape = TIANYUAN, seed = 430211): Promise<ScaleSeedResult> {
  const t0 = Date.now();
  const r = rng(seed);
  const districtId = randomUUID();
  const ids = new IdNumbers(shape.divisionCode);
  const communityTotal = shape.streets.reduce((a, s) => a + s.communities, 0);
  const gridsPer = allocate(shape.grids, Array.from({ length: communityTotal }, () => 0.6 + r()));

  type Grid = { id: string; streetId: string; communityId: string; communityName: string; households: number };
  const streets: unknown[][] = [[], [], []];
  const communities: unknown[][] = [[], [], [], []];
  const grids: Grid[] = [];
  let ci = 0;
  shape.streets.forEach((s) => {
    const streetId = randomUUID();
    streets[0].push(streetId); streets[1].push(s.name); streets[2].push(s.kind);
    for (let k = 0; k < s.communities; k++, ci++) {
      const communityId = randomUUID();
      const name = place(ci, s.kind === 'TOWN' ? '村' : '社区') + (ci >= SYLLABLES.length ? String(ci) : '');
      communities[0].push(communityId); communities[1].push(streetId); communities[2].push(name); communities[3].push(s.kind === 'TOWN' ? 'RURAL' : 'URBAN');
      for (let g = 0; g < gridsPer[ci]; g++) grids.push({ id: randomUUID(), streetId, communityId, communityName: name, households: 0 });
    }
  });
  const households = allocate(shape.households, grids.map(() => 0.5 + r()));
  grids.forEach((g, i) => { g.households = households[i]; });
  const residentsPer = allocate(shape.residents, households.map((h) => h * (0.9 + 0.2 * r())));

  await db.query('begin');
  try {
    await db.query('set local synchronous_commit = off');
    await db.query('insert into district (id, name, division_code) values ($1, $2, $3)', [districtId, shape.name, shape.divisionCode]);
    await db.query(`insert into street (id, district_id, name, kind) select u.id, $1, u.name, u.kind from unnest($2::uuid[], $3::text[], $4::text[]) u(id, name, kind)`,
      [districtId, ...streets]);
    await db.query(`insert into community (id, district_id, street_id, name, kind)
      select u.id, $1, u.sid, u.name, u.kind from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[]) u(id, sid, name, kind)`, [districtId, ...communities]);
    await db.query(`insert into grid (id, district_id, street_id, community_id, name, leader_name, households)
      select u.id, $1, u.sid, u.cid, '第' || row_number() over (partition by u.cid order by u.ord) || '网格', u.leader, u.households
      from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[]) with ordinality u(id, sid, cid, leader, households, ord)`,
    [districtId, grids.map((g) => g.id), grids.map((g) => g.streetId), grids.map((g) => g.communityId), grids.map(() => chineseName(r)), households]);

    await db.query("set local maintenance_work_mem = '256MB'");
    await withoutSecondaryStructures(db, 'resident', () => loadResidents(db, districtId, grids, residentsPer, () => scalePerson(r, ids), cipher, r));

    await db.query(`insert into social_organization (id, district_id, name, registration, category, credit_code)
      select gen_random_uuid(), $1, $2 || (array['乐龄','阳光','邻里','明德','同心','青禾','暖阳','善行'])[1 + n % 8] || n ||
               (array['服务中心','志愿者协会','互助会','社会工作服务社','文体队'])[1 + n % 5],
             case when n % 3 = 0 then 'REGISTERED' else 'FILED' end,
             (array['CHARITY','SOCIAL_SERVICES','COMMUNITY_BASED'])[1 + n % 3],
             case when n % 3 = 0 then '5243' || $3::text || lpad(n::text, 8, '0') end
      from generate_series(1, $4::int) n`, [districtId, shape.name, shape.divisionCode, shape.organizations]);
    // Each organisation serves one to three communities.
    await db.query(`insert into social_organization_community (organization_id, community_id, district_id)
      select distinct o.id, c.ids[1 + (abs(hashtext(o.id::text || k)) % array_length(c.ids, 1))], $1
      from (select id from social_organization where district_id = $1) o
      cross join (select array_agg(id order by name) ids from community where district_id = $1) c
      cross join lateral generate_series(1, 1 + abs(hashtext(o.id::text)) % 3) k`, [districtId]);
    await db.query(`insert into social_worker (id, district_id, name, certification, post_type, employer_kind, employer_organization_id, employer_community_id)
      select gen_random_uuid(), $1, '社工' || n,
             (array['ASSISTANT','INTERMEDIATE','SENIOR'])[1 + n % 3], (array['ALL_ROUND','VISITING','PROJECT'])[1 + (n * 7) % 3],
             case when n % 3 = 0 then 'COMMUNITY' else 'SOCIAL_ORGANIZATION' end,
             case when n % 3 <> 0 then o.ids[1 + n % array_length(o.ids, 1)] end,
             case when n % 3 = 0 then c.ids[1 + n % array_length(c.ids, 1)] end
      from generate_series(1, $2::int) n,
           (select array_agg(id order by name) ids from social_organization where district_id = $1) o,
           (select array_agg(id order by name) ids from community where district_id = $1) c`, [districtId, shape.socialWorkers]);
    await db.query('commit');
  } catch (e) {
    await db.query('rollback');
    throw e;
  }
  await db.query('analyze district, street, community, grid, resident, social_organization, social_organization_community, social_worker');
  return {
    districtId, streets: shape.streets.length, communities: communityTotal, grids: grids.length, households: shape.households,
    residents: shape.residents, organizations: shape.organizations, socialWorkers: shape.socialWorkers, ms: Date.now() - t0,
  };
}

type GridRow = { id: string; streetId: string; communityId: string; communityName: string };
type Person = ReturnType<typeof scalePerson>;

/** Residents grid by grid; the next batch is generated and encrypted while the previous one is inserted. */
async function loadResidents(db: SqlRunner, districtId: string, grids: GridRow[], perGrid: number[], person: () => Person, cipher: SeedCipher, r: () => number): Promise<void> {
  const emptyColumns = (): unknown[][] => Array.from({ length: 13 }, () => []);
  let cols = emptyColumns();
  let inflight: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    await inflight;
    inflight = db.query(`insert into resident (id, district_id, street_id, community_id, grid_id, name, gender, birth_date,
        id_number, id_number_hash, phone, phone_hash, care_tags, address)
      select u.id, $1, u.sid, u.cid, u.gid, u.name, u.gender, u.birth, u.idn, u.idh, u.phone, u.ph, u.tags::text[], u.address
      from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[],
                  $11::text[], $12::text[], $13::text[], $14::text[]) u(id, sid, cid, gid, name, gender, birth, idn, idh, phone, ph, tags, address)`,
    [districtId, ...cols]);
    cols = emptyColumns();
  };
  for (let gi = 0; gi < grids.length; gi++) {
    const g = grids[gi];
    for (let k = 0; k < perGrid[gi]; k++) {
      const p = person();
      const row = [randomUUID(), g.streetId, g.communityId, g.id, p.name, p.gender, p.birthDate,
        cipher.encrypt(p.idNumber), cipher.lookupHash(p.idNumber),
        p.phone && cipher.encrypt(p.phone), p.phone && cipher.lookupHash(p.phone),
        `{${p.careTags.join(',')}}`, `${g.communityName}${1 + Math.floor(r() * 40)}栋${1 + Math.floor(r() * 6)}单元${101 + Math.floor(r() * 1800)}室`];
      row.forEach((v, i) => cols[i].push(v));
      if (cols[0].length >= BATCH) await flush();
    }
  }
  if (cols[0].length) await flush();
  await inflight;
}

/**
 * Bulk loads cost a fraction with the table's secondary indexes and foreign keys rebuilt
 * once afterwards (a sort, one anti-join) instead of maintained row by row; the table is
 * locked for the transaction, which a seed may do.
 */
async function withoutSecondaryStructures(db: SqlRunner, table: string, load: () => Promise<void>): Promise<void> {
  const { rows: indexes } = await db.query(`select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename = $1
      and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`, [table]);
  const { rows: fks } = await db.query(`select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = $1::regclass and contype = 'f'`, [table]);
  // Altering a foreign key locks the referenced tables, which must have no pending deferred checks.
  await db.query('set constraints all immediate');
  for (const f of fks) await db.query(`alter table "${table}" drop constraint "${f.conname}"`);
  for (const i of indexes) await db.query(`drop index "${i.indexname}"`);
  await load();
  for (const i of indexes) await db.query(i.indexdef);
  for (const f of fks) await db.query(`alter table "${table}" add constraint "${f.conname}" ${f.def}`);
  await db.query('set constraints all deferred');
}
