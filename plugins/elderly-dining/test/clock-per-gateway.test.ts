import { codeOf, enrolElders, placeLunch, setupDining, type DiningWorld } from './dining-fixture';

jest.setTimeout(120_000);

/**
 * "Now" is each gateway's own: two dining gateways in one process, one a second before the
 * 09:30 lunch cutoff and one at it, answer by their own clocks, also when asked at once
 * (the program used to read a module-level clock that every gateway of the process shared).
 */
describe('elderly-dining: one clock per gateway', () => {
  let early: DiningWorld;
  let late: DiningWorld;
  beforeAll(async () => {
    [early, late] = await Promise.all([setupDining(), setupDining()]);
  });
  afterAll(() => Promise.all([early?.gw.close(), late?.gw.close()]));

  it('orders before the cutoff on one gateway and after it on the other, at the same time', async () => {
    early.gw.clock.set(new Date('2030-03-04T01:29:59Z'));
    late.gw.clock.set(new Date('2030-03-04T01:30:00Z'));
    const [a, b] = await Promise.all([enrolElders(early, 5), enrolElders(late, 5)]);
    const results = await Promise.all(a.flatMap((r, i) => [placeLunch(early, r), placeLunch(late, b[i])]));
    expect(results.map((r, i) => (i % 2 ? codeOf(r) : r.errors))).toEqual(a.flatMap(() => [undefined, 'CUTOFF_PASSED']));
    expect(early.gw.clock.now().toISOString()).toBe('2030-03-04T01:29:59.000Z');
  });
});
