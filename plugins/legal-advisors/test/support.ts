import { createTestGateway, type SeededTree, type TestGateway } from '@gongzhi/testing';
import { toGlobalId } from '@gongzhi/plugin-sdk';
import plugin from '../src/plugin';
import { PROGRAM } from '../src/program';

export const gid = toGlobalId;

export interface World {
  gw: TestGateway;
  tree: SeededTree;
  /** A second district running the program: the attacker's side. */
  other: SeededTree;
}

export async function world(): Promise<World> {
  const gw = await createTestGateway({ plugins: [plugin] });
  const tree = await gw.seed.tree({ streets: 2, communitiesPerStreet: 3, residentsPerCommunity: 2 });
  const other = await gw.seed.tree({ streets: 1, communitiesPerStreet: 2, residentsPerCommunity: 1 });
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

let certificateSerial = 100000;
/** A valid 17-digit certificate number, unique per call. */
export const certificate = () => `1330120101${Math.random() < 0.5 ? 1 : 0}${certificateSerial++}`;

export async function office(gw: TestGateway, districtId: string, name = `律所${Math.random().toString(36).slice(2, 7)}`): Promise<string> {
  const d = await ok(gw, `mutation($i: CreateLegalOfficeInput!) { createLegalOffice(input: $i) { id } }`,
    { i: { districtId: gid('District', districtId), kind: 'LAW_FIRM', name, phone: '0571-88001234' } });
  return d.createLegalOffice.id;
}

export async function lawyer(gw: TestGateway, officeId: string, name = '王律师'): Promise<string> {
  const d = await ok(gw, `mutation($i: RegisterLawyerInput!) { registerLawyer(input: $i) { id } }`,
    { i: { officeId, name, certificateNumber: certificate(), phone: '13800571234', specialities: ['婚姻家庭'] } });
  return d.registerLawyer.id;
}

export const ASSIGN = `mutation($i: AssignLegalAdvisorInput!) { assignLegalAdvisor(input: $i) { id startsOn endsOn lawyer { id } } }`;
