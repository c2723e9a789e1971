import { InputCheck, NotFoundError, decodeId, isValidMobile, type GongzhiContext } from '@gongzhi/plugin-sdk';
import { PartySide } from '../graphql/mediation-enums.type';
import type { MediationPartyInput } from '../graphql/mediation.input';

export interface PartyRow { position: number; side: PartySide; residentId: string | null; name: string | null; phone: string | null }

const MAX_PARTIES = 20;

/** Checks the parties of a new case into `check` (field paths `input.parties.<i>.<field>`). */
export function checkParties(check: InputCheck, parties: MediationPartyInput[]): InputCheck {
  check.check(parties.length >= 2 && parties.length <= MAX_PARTIES, 'input.parties', `must be 2–${MAX_PARTIES} parties`)
    .check(parties.some((p) => p.side === PartySide.APPLICANT) && parties.some((p) => p.side === PartySide.RESPONDENT), 'input.parties', 'needs an applicant and a respondent');
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    const at = `input.parties.${i}`;
    if (p.residentId != null) {
      check.check(p.name == null && p.phone == null, at, 'a resident is given by residentId alone')
        .check(!seen.has(p.residentId), `${at}.residentId`, 'is a party already');
      seen.add(p.residentId);
    } else {
      check.text(`${at}.name`, p.name, { max: 50 })
        .check(p.phone != null && isValidMobile(p.phone), `${at}.phone`, 'must be a mainland mobile number');
    }
  });
  return check;
}

/** The parties as rows; residents must be of the case's district (NOT_FOUND otherwise, as for any unseen id). */
export async function partyRows(ctx: GongzhiContext, districtId: string, parties: MediationPartyInput[]): Promise<PartyRow[]> {
  const ids = parties.map((p) => (p.residentId != null ? decodeId(p.residentId, 'Resident') : null));
  const residents = await Promise.all(ids.map((id) => (id ? ctx.core.resident(id) : null)));
  return parties.map((p, i) => {
    if (ids[i] && residents[i]?.districtId !== districtId) throw new NotFoundError('Resident');
    return { position: i + 1, side: p.side, residentId: ids[i], name: ids[i] ? null : p.name!.trim(), phone: ids[i] ? null : p.phone! };
  });
}
