import {
  ConflictError, InputCheck, NotFoundError, decodeId, flushOrConflict, sqlRows, isValidMobile, type GongzhiContext,
} from '@gongzhi/plugin-sdk';
import { LegalOffice, type LegalOfficeKind } from '../entities/legal-office.entity';
import { Lawyer } from '../entities/lawyer.entity';
import { perms } from '../permissions';
import { allow } from './access';
import { certificateNumberProblem } from './certificate-number';

export interface OfficeInput {
  districtId: string;
  kind: LegalOfficeKind;
  name: string;
  address?: string | null;
  phone?: string | null;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export async function createOffice(ctx: GongzhiContext, input: OfficeInput): Promise<LegalOffice> {
  const districtId = decodeId(input.districtId, 'District');
  if (!(await ctx.core.district(districtId))) throw new NotFoundError('District');
  await allow(ctx, perms['advisor:manage'], { districtId });
  new InputCheck()
    .text('input.name', input.name, { max: 100 })
    .text('input.address', input.address, { max: 200, optional: true })
    .check(input.phone == null || PHONE.test(input.phone), 'input.phone', 'must be a mobile or landline number')
    .done();
  const office = ctx.em.create(LegalOffice, {
    districtId, kind: input.kind, name: input.name.trim(), address: input.address ?? null, phone: input.phone ?? null,
  });
  await flushOrConflict(ctx.em,
    () => new ConflictError('An office of that name exists in the district', { field: 'input.name' }), 'la_office_district_id_name_key');
  return office;
}

export interface LawyerInput {
  officeId: string;
  name: string;
  certificateNumber: string;
  phone?: string | null;
  specialities?: string[] | null;
}

export async function registerLawyer(ctx: GongzhiContext, input: LawyerInput): Promise<Lawyer> {
  const office = await ctx.em.findOne(LegalOffice, { id: decodeId(input.officeId, 'LegalOffice') });
  if (!office) throw new NotFoundError('LegalOffice');
  await allow(ctx, perms['advisor:manage'], { districtId: office.districtId });
  const specialities = input.specialities ?? [];
  const certificate = certificateNumberProblem(input.certificateNumber);
  new InputCheck()
    .text('input.name', input.name, { max: 50 })
    .check(!certificate, 'input.certificateNumber', certificate ?? '')
    .check(input.phone == null || isValidMobile(input.phone), 'input.phone', 'must be a mainland mobile number')
    .check(specialities.length <= 10 && specialities.every((s) => s.trim().length > 0 && s.length <= 20), 'input.specialities', 'at most 10, each 1–20 characters')
    .done();
  const lawyer = ctx.em.create(Lawyer, {
    districtId: office.districtId, officeId: office.id, name: input.name.trim(),
    certificateNumber: input.certificateNumber, phone: input.phone ?? null, specialities: specialities.map((s) => s.trim()),
  });
  await flushOrConflict(ctx.em,
    () => new ConflictError('A lawyer with that certificate number is registered in the district', { field: 'input.certificateNumber' }), 'la_lawyer_district_id_certificate_number_key');
  return lawyer;
}

/** Links a lawyer to their own sign-in (or unlinks with null), so they see the consultations assigned to them. */
export async function linkLawyerAccount(ctx: GongzhiContext, lawyerGlobalId: string, accountGlobalId: string | null): Promise<Lawyer> {
  const lawyer = await ctx.em.findOne(Lawyer, { id: decodeId(lawyerGlobalId, 'Lawyer') });
  if (!lawyer) throw new NotFoundError('Lawyer');
  await allow(ctx, perms['advisor:manage'], { districtId: lawyer.districtId });
  const accountId = accountGlobalId ? decodeId(accountGlobalId, 'Account') : null;
  // Row-level security shows the accounts granted somewhere in the caller's districts.
  if (accountId && !(await sqlRows(ctx.em, 'select 1 from account where id = ?', [accountId])).length) throw new NotFoundError('Account');
  lawyer.accountId = accountId;
  await ctx.em.flush();
  return lawyer;
}
