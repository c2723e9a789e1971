import plugin from '../src/plugin';
import { enrolElders, M, ok, placeLunch, setupDining, type DiningWorld } from './dining-fixture';

jest.setTimeout(120_000);

const BOARD = `subscription($c: ID!, $after: String) { canteenOrderBoard(canteenId: $c, after: $after) { eventId change order { id status mode } } }`;

async function nextWithin<T>(it: AsyncIterator<T>, ms: number): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms); });
  try {
    return await Promise.race([it.next(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('elderly-dining live order board and dashboard', () => {
  let w: DiningWorld;
  let elders: string[];

  beforeAll(async () => {
    w = await setupDining();
    elders = await enrolElders(w, 3, ['DISABLED']);
  });
  afterAll(async () => {
    await w?.gw.close();
  });

  it('streams today\'s order events of the canteen, replaying what a reconnecting board missed', async () => {
    const first = await placeLunch(w, elders[0]);
    const firstId = first.data.placeDiningOrder.id;
    await w.gw.settleEvents();
    const board = w.gw.subscribe(BOARD, { c: w.canteenId, after: '0' });
    const replayed = await nextWithin(board, 5000);
    expect(replayed.value?.data?.canteenOrderBoard).toMatchObject({ change: 'PLACED', order: { id: firstId, status: 'PLACED' } });

    const cancelled = await ok(w.gw, M.cancel, { id: firstId });
    expect(cancelled.cancelDiningOrder.status).toBe('CANCELLED');
    const live = await nextWithin(board, 5000);
    expect(live.value?.data?.canteenOrderBoard).toMatchObject({ change: 'CANCELLED', order: { id: firstId, status: 'CANCELLED' } });
    expect(BigInt(live.value!.data!.canteenOrderBoard.eventId)).toBeGreaterThan(BigInt(replayed.value!.data!.canteenOrderBoard.eventId));
    await board.return?.();
  });

  it('the dashboard section counts meals today, deliveries, capacity used and subsidy this month in SQL', async () => {
    await placeLunch(w, elders[1], 'DELIVERY');
    await placeLunch(w, elders[2]);
    const figures = await plugin.dashboard!.compute(w.gw.em(), { districtId: w.tree.district.id }, w.gw);
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f.value]));
    // 2 meals today of capacity 200 lunch + 50 dinner; DISABLED tier 400 fen each
    expect(byKey).toEqual({ mealsToday: 2, deliveredToday: 0, capacityUsedPercent: 0.8, subsidyThisMonthFen: 800 });
    const community = await plugin.dashboard!.compute(w.gw.em(), { districtId: w.tree.district.id, communityId: w.tree.communities[1].id }, w.gw);
    expect(community.find((f) => f.key === 'mealsToday')!.value).toBe(1);
  });
});
