import { NotFoundError, ProgramNotEnabledError, type ProgramGate } from '@gongzhi/plugin-sdk';
import type { ProgramService } from '../services/program.service';
import type { GrantAuthorizer } from '../identity/authorizer';

/**
 * The program gate as one request sees it: a district outside the caller's reads as
 * NOT_FOUND before its programs are looked at, so whether another district exists or
 * runs a program is never told apart from a made-up id.
 */
export function requestProgramGate(programs: ProgramService, auth: GrantAuthorizer): ProgramGate {
  return {
    isEnabled: (program, districtId) => programs.isEnabled(program, districtId),
    assertEnabled: (program, districtId) => {
      if (!auth.seesDistrict(districtId)) throw new NotFoundError();
      programs.assertEnabled(program, districtId);
    },
  };
}

/**
 * A program's root field: refused before its resolver runs (before any input is read)
 * when the program runs in none of the caller's districts. Whatever the arguments name,
 * such a caller can only reach its own districts, where the program is off.
 */
export function assertProgramReachable(programs: ProgramService, auth: GrantAuthorizer, program: string): void {
  const districts = auth.districts;
  const running = districts === '*' ? programs.districtsRunning(program).length > 0 : districts.some((d) => programs.isEnabled(program, d));
  if (!running) throw new ProgramNotEnabledError(program);
}

/** The district of an object a program's field is asked on (core tree objects and program rows alike). */
export function districtOf(parent: unknown): string | null {
  const p = parent as { districtId?: string | null; divisionCode?: string; id?: string } | null;
  return p?.districtId ?? (p?.divisionCode ? p.id ?? null : null);
}
