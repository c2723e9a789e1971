import { createTestGateway, type TestGateway } from '@gongzhi/testing';

/**
 * A response that reports success follows a successful COMMIT. A deferred constraint
 * trigger fails at COMMIT, after every resolver succeeded: the client must get an error
 * (not 200 with data), nothing is stored and the audit log says FAILURE. Over HTTP and WS.
 */
let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
  // Raises at COMMIT for districts named `refused-<SQLSTATE>`, with that SQLSTATE.
  await gw.sql(`
    create function refuse_at_commit() returns trigger language plpgsql as $$
    begin
      if new.name like 'refused-%' then raise exception 'refused at commit' using errcode = substr(new.name, 9, 5); end if;
      return null;
    end $$`);
  await gw.sql(`create constraint trigger refuse_at_commit after insert on district deferrable initially deferred for each row execute function refuse_at_commit()`);
});
afterAll(() => gw?.close());

const CREATE = `mutation($input: CreateDistrictInput!) { createDistrict(input: $input) { id name } }`;
const stored = async (name: string) => (await gw.sql(`select count(*)::int as n from district where name = $1`, [name]))[0].n as number;
const audit = async (requestId: string) => gw.sql(`select action, outcome, detail from audit_log where request_id = $1`, [requestId]);

async function post(name: string, code: string) {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${gw.adminToken}` },
    body: JSON.stringify({ query: CREATE, variables: { input: { name, divisionCode: code } } }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), requestId: res.headers.get('x-request-id')!, body: (await res.json()) as any };
}

test('a check violated at COMMIT answers TRANSACTION_FAILED (409, not retryable), stores nothing, audits FAILURE', async () => {
  const res = await post('refused-23514', '330101');
  expect(res.status).toBe(409);
  expect(res.body.data).toBeNull();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors[0].extensions).toMatchObject({ code: 'TRANSACTION_FAILED', retryable: false, requestId: res.requestId });
  expect(JSON.stringify(res.body)).not.toContain('refused at commit'); // the database's words stay inside
  expect(await stored('refused-23514')).toBe(0);
  expect(await audit(res.requestId)).toEqual([{ action: 'mutation.createDistrict', outcome: 'FAILURE', detail: { code: 'TRANSACTION_FAILED' } }]);
});

test('a serialization failure at COMMIT answers 503 with Retry-After and retryable: true; the retry succeeds', async () => {
  const res = await post('refused-40001', '330102');
  expect(res.status).toBe(503);
  expect(res.retryAfter).toBe('1');
  expect(res.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'TRANSACTION_FAILED', retryable: true } }] });
  expect(await stored('refused-40001')).toBe(0);
  expect((await audit(res.requestId))[0]).toMatchObject({ outcome: 'FAILURE' });

  const ok = await post('accepted', '330102');
  expect(ok.status).toBe(200);
  expect(ok.body.data.createDistrict.name).toBe('accepted');
  expect(await stored('accepted')).toBe(1);
  expect(await audit(ok.requestId)).toEqual([{ action: 'mutation.createDistrict', outcome: 'SUCCESS', detail: null }]);
});

test('over WebSocket the same: an error result instead of data, nothing stored, audit FAILURE', async () => {
  const client = gw.wsClient();
  const result = await new Promise<any>((resolve, reject) => {
    let last: unknown;
    client.subscribe({ query: CREATE, variables: { input: { name: 'refused-23505', divisionCode: '330103' } } }, {
      next: (r) => (last = r), error: reject, complete: () => resolve(last),
    });
  });
  expect(result.data).toBeNull();
  expect(result.errors[0].extensions).toMatchObject({ code: 'TRANSACTION_FAILED', retryable: false });
  expect(await stored('refused-23505')).toBe(0);
  const rows = await gw.sql(`select outcome, detail from audit_log where action = 'mutation.createDistrict' and request_id = $1`, [result.errors[0].extensions.requestId]);
  expect(rows).toEqual([{ outcome: 'FAILURE', detail: { code: 'TRANSACTION_FAILED' } }]);
});
