import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { Gateway, createLogger, loadConfig } from '@gongzhi/core';
import { repoRoot, serverUrl } from '@gongzhi/testing';

/**
 * README's demo-account table is what the seed creates, on databases of different collations
 * (the seed once picked "the first street by name": 浦沿街道 under C, 白马湖镇 under pinyin,
 * while README said 长河街道). Each account logs in with README's password and holds exactly the
 * role README lists, at the node it names.
 */
const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const password = readme.match(/all with the password `([^`]+)`/)![1];
const table = readme.slice(readme.indexOf('| username | role | granted at |')).split('\n\n')[0].split('\n').slice(2);
const rows = table.map((line) => {
  const [username, role, node] = line.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, ''));
  return { username, role, node };
});

const NODE = `query($id: ID!) { node(id: $id) {
  ... on Street { name } ... on Community { name } ... on SocialOrganization { name }
  ... on Grid { name community { name } } } }`;

async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Where an account's only grant sits, written as README writes it. */
async function grantedAt(url: string, token: string): Promise<{ role: string; node: string }[]> {
  const { me } = await gql(url, '{ me { grants { role scopeLevel scope } } }', {}, token);
  return Promise.all(me.grants.map(async (g: { role: string; scopeLevel: string; scope: string | null }) => {
    if (g.scopeLevel === 'PLATFORM') return { role: g.role, node: 'the platform' };
    if (g.scopeLevel === 'DISTRICT') return { role: g.role, node: (await gql(url, '{ districts { nodes { name } } }', {}, token)).districts.nodes.map((d: { name: string }) => d.name).join() };
    const { node } = await gql(url, NODE, { id: g.scope }, token);
    return { role: g.role, node: node.community ? `${node.community.name} ${node.name}` : node.name };
  }));
}

test('README lists the demo accounts: one per core role', () => {
  expect(rows.map((r) => r.username)).toEqual(['admin', 'district.admin', 'street.staff', 'community.worker', 'grid.worker', 'org.staff', 'social.worker', 'resident']);
});

describe.each([
  ['C', `locale_provider libc lc_collate 'C' lc_ctype 'C'`],
  ['ICU zh (pinyin)', `locale_provider icu icu_locale 'zh' lc_collate 'C' lc_ctype 'C'`],
])('on a database with %s collation', (_name, locale) => {
  const dbName = `gz_t_readme_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let gateway: Gateway;
  const admin = serverUrl();
  const dbUrl = (() => {
    const u = new URL(admin);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  const onServer = async (sql: string) => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await onServer(`create database ${dbName} template template0 encoding 'UTF8' ${locale}`);
    const config = loadConfig({ GONGZHI_MODE: 'test' }, { databaseUrl: dbUrl, port: 0, host: '127.0.0.1', seedDemo: true, logLevel: 'error' });
    gateway = await new Gateway({ config, plugins: [], logger: createLogger('error') }).start();
  }, 90_000);
  afterAll(async () => {
    await gateway?.stop();
    await onServer(`drop database if exists ${dbName} with (force)`);
  });

  test.each(rows)('$username is $role at $node', async ({ username, role, node }) => {
    const { login } = await gql(gateway.url, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }', { u: username, p: password });
    const grants = await grantedAt(gateway.url, login.accessToken);
    expect(grants).toEqual([{ role, node }]);
  });
});
