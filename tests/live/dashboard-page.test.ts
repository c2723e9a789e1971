import type { Browser } from 'playwright-core';
import { createTestGateway, launchBrowser, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import { fixtureWithDashboard } from './fixture-dashboard';

/** The reference dashboard page in headless Chromium, talking graphql-ws to the gateway. */

let gw: TestGateway;
let browser: Browser;
let tree: Awaited<ReturnType<TestGateway['seed']['tree']>>;

beforeAll(async () => {
  gw = await createTestGateway({ plugins: [fixtureWithDashboard], config: { dashboardIntervalMs: 200 } });
  tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 1, residentsPerCommunity: 3 });
  await gw.enableProgram(tree.district.id, 'fixture');
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

test('the page is served from local assets only', async () => {
  const res = await fetch(`${gw.gateway.url}/dashboard`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  const html = await res.text();
  expect(html).not.toMatch(/https?:\/\//);
  for (const src of html.match(/\/dashboard\/assets\/[^"?]+/g)!) expect((await fetch(`${gw.gateway.url}${src}`)).status).toBe(200);
});

test('pick a street, see its figures and chart; a mutation over HTTP shows within two seconds, without reload', async () => {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(`${gw.gateway.url}/dashboard`);
  await page.fill('#token', gw.adminToken); // the page sends it over HTTP and in connectionParams
  await page.dispatchEvent('#token', 'change');
  const street = tree.streets[0];
  const community = tree.communities.find((c) => c.streetId === street.id)!;
  await page.waitForSelector(`#node option[value="${toGlobalId('Street', street.id)}"]`, { state: 'attached' });
  await page.selectOption('#node', toGlobalId('Street', street.id));
  const notes = page.locator('[data-key="fixture.notes"] .value');
  await notes.waitFor();
  expect(await notes.textContent()).toBe('0');
  expect(await page.locator('[data-key="residentCount"] .value').textContent()).toBe('3');
  await page.locator('#chart canvas').first().waitFor();
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42)); // proves no reload

  const t0 = Date.now();
  const res = await gw.request(`mutation($c: ID!) { fixtureAddNote(communityId: $c, text: "from the test") { id } }`, { c: toGlobalId('Community', community.id) });
  expect(res.errors).toBeUndefined();
  await page.waitForFunction(() => document.querySelector('[data-key="fixture.notes"] .value')?.textContent === '1', undefined, { timeout: 2000 });
  const ms = Date.now() - t0;
  process.stdout.write(`dashboard page: mutation → figure on the page in ${ms} ms\n`);
  expect(ms).toBeLessThan(2000);
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(42);
  expect(await page.locator('#status').getAttribute('data-state')).toBe('live');
  expect(problems).toEqual([]);
  await page.close();
}, 30_000);
