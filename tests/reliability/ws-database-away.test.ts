import WebSocket from 'ws';
import { gatewayOverOwnPostgres } from './gateway-over-own-postgres';
import { sleep, token } from '../live/processes';

/**
 * graphql-ws while PostgreSQL is away, against a real gateway process: operations are
 * answered SERVICE_UNAVAILABLE on the operation, the socket stays open (no close with a
 * driver's or the pool's message), and the same socket works again once the database is back.
 */
const { db, gateway: g } = gatewayOverOwnPostgres('ws-away');

test('the database away: operations over a socket get SERVICE_UNAVAILABLE, the socket stays open and recovers', async () => {
  const ws = new WebSocket(g().wsUrl, 'graphql-transport-ws');
  const answers = new Map<string, any[]>();
  let closed: { code: number; reason: string } | null = null;
  ws.on('close', (code, reason) => (closed = { code, reason: String(reason) }));
  ws.on('message', (m) => {
    const msg = JSON.parse(String(m));
    answers.set(msg.id ?? msg.type, [...(answers.get(msg.id ?? msg.type) ?? []), msg]);
  });
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  for (let i = 0; i < 100 && !answers.has('connection_ack'); i++) await sleep(20);
  const districts = (await (await fetch(`${g().url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ districts { nodes { id } } }' }) })).json()) as any;
  const district = districts.data.districts.nodes[0].id as string;
  const send = (id: string, query: string) => ws.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
  const answered = async (id: string) => {
    for (let i = 0; i < 500 && !answers.get(id)?.some((a) => a.type === 'error' || a.type === 'complete'); i++) await sleep(20);
    return answers.get(id) ?? [];
  };

  await db().stop();
  send('q1', '{ districts { nodes { id } } }');
  send('s1', `subscription { events(node: "${district}") { cursor } }`);
  const codes = (msgs: any[]) => msgs.flatMap((m) => (m.type === 'error' ? m.payload : m.payload?.errors ?? []).map((e: any) => e.extensions?.code));
  const q1 = codes(await answered('q1'));
  const s1 = codes(await answered('s1'));
  expect(q1).toEqual(['SERVICE_UNAVAILABLE']);
  expect(s1).toEqual(['SERVICE_UNAVAILABLE']);
  expect(closed).toBeNull();

  await db().start();
  let back: any[] = [];
  for (let i = 0; i < 50; i++) {
    send(`q${i + 2}`, '{ districts { nodes { id } } }');
    back = await answered(`q${i + 2}`);
    if (back[0]?.type === 'next' && !back[0].payload.errors) break;
    await sleep(200);
  }
  expect(back[0].payload.data.districts.nodes.length).toBeGreaterThan(0);
  expect(closed).toBeNull();
  ws.close(1000);
  process.stdout.write(`ws with the database away: query ${JSON.stringify(q1)}, subscription ${JSON.stringify(s1)}, socket open throughout, answered again after restart\n`);
}, 120_000);
