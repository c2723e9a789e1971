import { CareTag, Gender } from '@gongzhi/plugin-sdk';
import { birthDateForAge, chineseName, mobile } from './people-generator';

/** 2020 census shape of a mid-sized Chinese city district (60+ about a fifth, 80+ about 3%). */
function ageOf(r: () => number): number {
  const roll = r();
  if (roll < 0.17) return Math.floor(r() * 18);
  if (roll < 0.8) return 18 + Math.floor(r() * 42);
  if (roll < 0.97) return 60 + Math.floor(r() * 20);
  return 80 + Math.floor(r() * 16);
}

function careTags(r: () => number, age: number, gender: Gender): CareTag[] {
  const tags: CareTag[] = [];
  if (age >= 60) tags.push(CareTag.ELDERLY_60);
  if (age >= 80) tags.push(CareTag.ELDERLY_80);
  if (age >= 60 && r() < (age >= 80 ? 0.22 : 0.12)) tags.push(CareTag.LIVING_ALONE);
  if (age >= 60 && r() < 0.3) tags.push(CareTag.EMPTY_NEST);
  if (r() < 0.055) tags.push(CareTag.DISABLED);
  if (r() < 0.03) tags.push(CareTag.LOW_INCOME);
  if (r() < 0.003) tags.push(CareTag.EXTREME_POVERTY);
  if (age < 18 && r() < 0.02) tags.push(CareTag.CHILD_IN_DIFFICULTY);
  if (age >= 35 && gender === Gender.MALE && r() < 0.03) tags.push(CareTag.VETERAN);
  return tags;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11643 shaped identity numbers, unique per district: the 3-digit order code counts
 * up per (birth date, gender) with the gender's parity, and the check digit is right.
 * Generated, so they belong to nobody.
 */
export class IdNumbers {
  private readonly next = new Map<string, number>();
  constructor(private readonly regionCode: string) {}

  issue(birthDate: string, gender: Gender): string {
    const key = birthDate + gender;
    const n = this.next.get(key) ?? 0;
    this.next.set(key, n + 1);
    const order = (n * 2 + (gender === Gender.MALE ? 1 : 0)) % 1000;
    const body = `${this.regionCode}${birthDate.replace(/-/g, '')}${String(order).padStart(3, '0')}`;
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += WEIGHTS[i] * (body.charCodeAt(i) - 48);
    return body + '10X98765432'[sum % 11];
  }
}

export interface ScalePerson {
  name: string;
  gender: Gender;
  birthDate: string;
  careTags: CareTag[];
  idNumber: string;
  phone: string | null;
}

export function scalePerson(r: () => number, ids: IdNumbers): ScalePerson {
  const age = ageOf(r);
  const gender = r() < 0.51 ? Gender.MALE : Gender.FEMALE;
  const birthDate = birthDateForAge(age, r);
  return {
    name: chineseName(r), gender, birthDate, careTags: careTags(r, age, gender),
    idNumber: ids.issue(birthDate, gender), phone: age >= 16 ? mobile(r) : null,
  };
}
