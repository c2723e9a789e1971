import WebSocket from 'ws';
import { createLogger } from '@gongzhi/core';
import { spawnSync } from 'node:child_process';
import { createTestGateway, repoRoot, type TestGateway } from '@gongzhi/testing';

/**
 * The log is one JSON object per line and carries no personal data: failing SQL is logged
 * by shape and SQLSTATE, limit rejections are one info line with the rule and numbers,
 * an oversized WebSocket frame is one line (not graphql-ws' multi-line console.error).
 */
const lines: string[] = [];
const stray: string[] = [];
let gw: TestGateway;
const PII = { name: '王秘密', phone: '13912345678', address: '秘密路88号' };

beforeAll(async () => {
  gw = await createTestGateway({ logger: createLogger('debug', (l) => lines.push(l)), config: { wsAdmission: { perSocket: 2, perAccount: 100, concurrentPerAccount: 2 } } });
  for (const m of ['error', 'warn', 'log', 'info'] as const) jest.spyOn(console, m).mockImplementation((...a: unknown[]) => void stray.push(a.map(String).join(' ')));
  // Both kinds of database refusal: at the statement and at COMMIT.
  await gw.sql(`create function refuse_secret() returns trigger language plpgsql as $$
    begin if new.name like '%秘密%' then raise exception 'refused: %', new.name; end if; return null; end $$`);
  await gw.sql(`create trigger refuse_secret after insert on resident for each row when (new.address is not null) execute function refuse_secret()`);
  await gw.sql(`create constraint trigger refuse_secret_late after insert on resident deferrable initially deferred for each row when (new.address is null) execute function refuse_secret()`);
});
afterAll(async () => {
  jest.restoreAllMocks();
  await gw?.close();
});

const CREATE = `mutation($i: CreateResidentInput!) { createResident(input: $i) { id } }`;

test('failing SQL, limit rejections and oversized frames log one JSON line each, without personal data', async () => {
  const tree = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1 });
  const input = { communityId: gw.gid('Community', tree.communities[0].id), name: PII.name, gender: 'FEMALE', birthDate: '1950-01-01', phone: PII.phone };
  const atStatement = await gw.request(CREATE, { i: { ...input, address: PII.address } });
  expect(atStatement.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  const atCommit = await gw.request(CREATE, { i: input });
  expect(atCommit.errors?.[0].extensions?.code).toBe('TRANSACTION_FAILED');

  const refused = await gw.request(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
  expect(refused.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');

  const named = await gw.request(`query Named { platform { coreVersion } }`, undefined, { headers: { 'x-request-id': 'trace-log-1' } });
  expect(named.errors).toBeUndefined();

  // graphql-ws operations get the same request line: a query, a refused one, a subscription's set-up
  const client = gw.wsClient();
  const first = (query: string, operationName?: string) => new Promise<any>((resolve) =>
    client.subscribe({ query, operationName }, { next: resolve, error: (errors) => resolve({ errors }), complete: () => undefined }));
  expect((await first('query OverWs { platform { coreVersion } }', 'OverWs')).errors).toBeUndefined();
  expect(JSON.stringify(await first('{ nope }'))).toMatch(/GRAPHQL_VALIDATION_FAILED/);
  expect(JSON.stringify(await first(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`))).toMatch(/QUERY_TOO_COMPLEX/);
  void first(`subscription { events(node: "${gw.gid('District', tree.district.id)}") { cursor } }`); // streams nothing yet
  for (let i = 0; i < 50 && !lines.some((l) => l.includes('"operation":"subscription"')); i++) await new Promise((r) => setTimeout(r, 20));
  await client.dispose();

  // A socket past its admission limit (2 here): 5 refusals, one request line and one count at close.
  const flood = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  await new Promise((r) => flood.once('open', r));
  const answers: any[] = [];
  flood.on('message', (m) => answers.push(JSON.parse(String(m))));
  flood.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${gw.adminToken}` } }));
  for (let i = 0; i < 50 && !answers.length; i++) await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 7; i++) flood.send(JSON.stringify({ id: `f${i}`, type: 'subscribe', payload: { query: `subscription { events(node: "${gw.gid('District', tree.district.id)}") { cursor } }` } }));
  for (let i = 0; i < 100 && answers.filter((a) => a.type === 'error').length < 5; i++) await new Promise((r) => setTimeout(r, 20));
  expect(answers.filter((a) => a.type === 'error').map((a) => a.payload[0].extensions.code)).toEqual(Array(5).fill('TOO_MANY_SUBSCRIPTIONS'));
  flood.close();
  for (let i = 0; i < 50 && !lines.some((l) => l.includes('admission limits')); i++) await new Promise((r) => setTimeout(r, 20));

  const ws = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  await new Promise((r) => ws.once('open', r));
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  ws.send('x'.repeat(70 * 1024));
  expect(await closed).toBe(1009);
  await new Promise((r) => setTimeout(r, 100));

  const parsed = lines.map((l) => JSON.parse(l) as Record<string, any>); // throws on a non-JSON line
  const text = lines.join('\n');
  for (const value of Object.values(PII)) expect(text).not.toContain(value);
  expect(stray).toEqual([]);
  const unexpected = parsed.find((l) => l.msg === 'unexpected error')!;
  expect(unexpected).toMatchObject({ level: 'error', sqlState: 'P0001', statement: expect.stringMatching(/^insert into "resident"/) });
  expect(parsed.find((l) => l.msg === 'request transaction did not commit')).toMatchObject({ level: 'warn', sqlState: 'P0001' });
  const limits = parsed.filter((l) => l.msg === 'query refused by a limit');
  expect(limits[0]).toMatchObject({ level: 'info', limit: 'aliases', actual: 40, max: 30 });
  expect(limits).toHaveLength(2); // HTTP and graphql-ws
  expect(limits.every((l) => !('stack' in l))).toBe(true);
  expect(parsed.filter((l) => l.msg === 'unexpected error')).toHaveLength(1);
  expect(parsed.filter((l) => Array.isArray(l.outcome) && l.outcome.includes('TOO_MANY_SUBSCRIPTIONS'))).toHaveLength(1);
  expect(parsed.filter((l) => l.msg === 'websocket operations refused by admission limits')).toEqual([expect.objectContaining({ level: 'warn', refused: 5 })]);
  expect(parsed.find((l) => l.msg === 'websocket closed on a protocol error')).toMatchObject({ level: 'warn', code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' });
  // One info line per request: duration, status, outcome, SQL count, request id, operation name only.
  const requests = parsed.filter((l) => l.msg === 'request');
  expect(requests.length).toBeGreaterThanOrEqual(4);
  expect(requests.find((l) => l.requestId === 'trace-log-1')).toMatchObject({ level: 'info', operation: 'query', operationName: 'Named', status: 200, outcome: 'ok', sqlStatements: expect.any(Number), durationMs: expect.any(Number) });
  expect(requests.find((l) => Array.isArray(l.outcome) && l.outcome.includes('QUERY_TOO_COMPLEX'))).toMatchObject({ status: 200, operationName: null });
  const overWs = requests.filter((l) => l.transport === 'ws');
  expect(overWs.find((l) => l.operationName === 'OverWs')).toMatchObject({ level: 'info', operation: 'query', outcome: 'ok', sqlStatements: expect.any(Number), durationMs: expect.any(Number), requestId: expect.any(String) });
  expect(overWs.find((l) => Array.isArray(l.outcome) && l.outcome.includes('GRAPHQL_VALIDATION_FAILED'))).toMatchObject({ operationName: null, sqlStatements: 0 });
  expect(overWs.find((l) => l.operation === 'subscription')).toMatchObject({ operationName: null, outcome: 'ok' });
  for (const l of requests) {
    const keys = ['durationMs', 'level', 'msg', 'operation', 'operationName', 'outcome', 'requestId', 'sqlStatements', 'status', 'time', 'transport']
      .filter((k) => (k !== 'operation' || 'operation' in l) && (k !== 'status' || l.transport === 'http'));
    expect(Object.keys(l).sort()).toEqual(keys);
  }
  if (process.env.SHOW_LOG) process.stdout.write(`${text}\n`);
  process.stdout.write(`log hygiene: ${lines.length} lines, all JSON, 0 with seeded personal data, ${stray.length} console lines\n`);
});

test('process warnings (library deprecations) are JSON lines in the log, not raw stderr', () => {
  // a real process: jest's sandbox has its own process object
  const script = `const { logProcessWarnings } = require('./packages/core/src/util/process-warnings');
    const { createLogger } = require('./packages/core/src/util/logger');
    logProcessWarnings(createLogger('info'));
    process.emitWarning('client.query() with a callback is deprecated', 'DeprecationWarning', 'DEP_GONGZHI_TEST');`;
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
  expect(run.status).toBe(0);
  const out = run.stderr.trim().split('\n');
  expect(out).toHaveLength(1);
  expect(JSON.parse(out[0])).toMatchObject({ level: 'warn', msg: 'process warning', warning: 'DeprecationWarning', code: 'DEP_GONGZHI_TEST' });
});
