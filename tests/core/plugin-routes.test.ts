import { ForbiddenError, sqlRows } from '@gongzhi/plugin-sdk';
import { createTestGateway, testPlugin, type TestGateway } from '@gongzhi/testing';

/** A plugin with routes that show what the host hands them: the caller's tenant transaction, errors mapped. */
const plugin = testPlugin('routes-probe', {
  routes: [
    { path: '/districts.txt', handle: async (ctx) => ({ contentType: 'text/plain; charset=utf-8', body: (await sqlRows<{ id: string }>(ctx.em, 'select id from district order by id')).map((r) => r.id).join(',') }) },
    { path: '/refused', handle: async () => { throw new ForbiddenError('Not yours'); } },
    { path: '/broken', handle: async () => { throw new Error('secret detail from a driver'); } },
    { path: '/download', handle: async (_ctx, query) => ({ contentType: 'text/csv; charset=utf-8', body: `${query.q ?? ''}`, filename: '统计 2026.csv' }) },
  ],
});

let gw: TestGateway;
const get = (path: string, token?: string) => fetch(`${gw.gateway.url}/plugins/routes-probe${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => { gw = await createTestGateway({ plugins: [plugin] }); });
afterAll(async () => { await gw.close(); });

test('a route runs in the caller\'s tenant transaction: a district admin reads only their district, the platform admin all', async () => {
  const a = await gw.seed.tree({});
  const b = await gw.seed.tree({});
  const admin = await gw.account({ role: 'DISTRICT_ADMIN', level: 'DISTRICT', districtId: a.district.id });
  expect(await (await get('/districts.txt', admin.token)).text()).toBe(a.district.id);
  expect((await (await get('/districts.txt', gw.adminToken)).text()).split(',').sort()).toEqual([a.district.id, b.district.id].sort());
});

test('401 without a signed-in caller, SDK errors with their status and code, anything else 500 without detail', async () => {
  const res = await get('/districts.txt');
  expect([res.status, (await res.json()).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  const refused = await get('/refused', gw.adminToken);
  expect([refused.status, (await refused.json()).errors[0]]).toEqual([403, { message: 'Not yours', extensions: { code: 'FORBIDDEN', requestId: expect.any(String) } }]);
  const broken = await get('/broken', gw.adminToken);
  const text = await broken.text();
  expect([broken.status, JSON.parse(text).errors[0].extensions.code, text.includes('secret')]).toEqual([500, 'INTERNAL_SERVER_ERROR', false]);
  expect((await get('/missing', gw.adminToken)).status).toBe(404);
});

test('a reply with a filename is an attachment under its UTF-8 name; query parameters reach the handler', async () => {
  const res = await get('/download?q=%E4%B8%AD', gw.adminToken);
  expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([200, 'text/csv; charset=utf-8', '中']);
  expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('统计 2026.csv')}`);
});
