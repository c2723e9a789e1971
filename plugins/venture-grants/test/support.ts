import { createTestGateway, type SeededTree, type TestGateway } from '@gongzhi/testing';
import { fromGlobalId, toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../src/plugin';
import { PROGRAM } from '../src/program';

export const gid = toGlobalId;
/** The uuid inside a global id. */
export const uuid = (globalId: string) => fromGlobalId(globalId)!.id;

export interface World {
  gw: TestGateway;
  tree: SeededTree;
  /** A second district running the program: the attacker's side. */
  other: SeededTree;
}

export async function world(): Promise<World> {
  const gw = await createTestGateway({ plugins: [plugin] });
  const tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 2, residentsPerCommunity: 3 });
  const other = await gw.seed.tree({ streets: 1, communitiesPerStreet: 1, residentsPerCommunity: 1 });
  await gw.enableProgram(tree.district.id, PROGRAM);
  await gw.enableProgram(other.district.id, PROGRAM);
  return { gw, tree, other };
}

/** Fails the test with the GraphQL errors when there are any. */
export async function ok<T = any>(gw: TestGateway, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const res = await gw.request<T>(query, variables, token === undefined ? {} : { token });
  if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
export const fieldsOf = (res: any): string[] =>
  ((res.errors?.[0]?.extensions?.fields ?? [{ field: res.errors?.[0]?.extensions?.field }]) as { field: string }[]).map((f) => f.field).sort();

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** A schedule of the dated phases, each 10 days, from `offset` days from today; `skip` leaves phases out. */
export function schedule(offset = 0, skip: string[] = []) {
  return ['NEEDS', 'APPLICATION', 'REVIEW', 'PUBLIC_VOTE', 'CONTRACTING', 'EXECUTION', 'EVALUATION']
    .map((phase, i) => ({ phase, startsOn: day(offset + i * 10), endsOn: day(offset + i * 10 + 9) }))
    .filter((p) => !skip.includes(p.phase));
}

let serial = 0;
export const terms = (over: Record<string, unknown> = {}) => ({
  name: `创投${serial++}`, year: 2027, budgetFen: 100_000_000, projectCapFen: 5_000_000,
  categories: ['ELDERLY', 'CHILDREN_YOUTH', 'CENTRAL_TASK'], centralTask: '文明城市创建', schedule: schedule(), ...over,
});

export const CREATE = `mutation($i: CreateVentureRoundInput!) { createVentureRound(input: $i) { id level phase budgetFen projectCapFen categories centralTask schedule { phase startsOn endsOn openedAt } } }`;
export const ADVANCE = `mutation($i: AdvanceVentureRoundPhaseInput!) { advanceVentureRoundPhase(input: $i) { id phase } }`;

/** A round at `scope` (a global id), created by the platform admin; returns its id. */
export async function round(gw: TestGateway, scope: string, over: Record<string, unknown> = {}): Promise<string> {
  return (await ok(gw, CREATE, { i: { scope, terms: terms(over) } })).createVentureRound.id;
}

/** Moves a round forward until it is in `phase`. */
export async function advanceTo(gw: TestGateway, roundId: string, phase: string): Promise<void> {
  const read = `query($id: ID!) { node(id: $id) { ... on VentureRound { phase } } }`;
  for (let i = 0; i < 9; i++) {
    const now = (await ok(gw, read, { id: roundId })).node.phase;
    if (now === phase) return;
    await ok(gw, ADVANCE, { i: { roundId, from: now } });
  }
  throw new Error(`round never reached ${phase}`);
}
