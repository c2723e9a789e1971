import { CareTag, Gender } from '@gongzhi/plugin-sdk';

/** Deterministic pseudo-random numbers (mulberry32), so seeds are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅淑珍文海燕建华秀珍国庆';

export function chineseName(r: () => number): string {
  const s = SURNAMES[Math.floor(r() * SURNAMES.length)];
  const n = 1 + Math.floor(r() * 2);
  let g = '';
  for (let i = 0; i < n; i++) g += GIVEN[Math.floor(r() * GIVEN.length)];
  return s + g;
}

/** A GB 11643 ID number with a correct check digit, agreeing with birth date and gender. */
export function idNumber(regionCode: string, birthDate: string, gender: Gender, serial: number): string {
  let seq = serial % 500 * 2;
  if (gender === Gender.MALE) seq += 1;
  const body = `${regionCode}${birthDate.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

export function mobile(r: () => number): string {
  const prefixes = ['138', '139', '137', '150', '151', '158', '186', '187', '189', '135'];
  return prefixes[Math.floor(r() * prefixes.length)] + String(Math.floor(r() * 1e8)).padStart(8, '0');
}

/** Birth date of someone `age` years old (born on a day that exists in every year). */
export function birthDateForAge(age: number, r: () => number, today = new Date()): string {
  const y = today.getUTCFullYear() - age - 1;
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A resident profile with care tags in realistic proportions for an ageing community. */
export function residentProfile(r: () => number, regionCode: string, serial: number) {
  const roll = r();
  const age = roll < 0.12 ? 3 + Math.floor(r() * 15) : roll < 0.62 ? 18 + Math.floor(r() * 42) : roll < 0.9 ? 60 + Math.floor(r() * 20) : 80 + Math.floor(r() * 15);
  const gender = r() < 0.5 ? Gender.MALE : Gender.FEMALE;
  const birthDate = birthDateForAge(age, r);
  const tags: CareTag[] = [];
  if (age >= 60) tags.push(CareTag.ELDERLY_60);
  if (age >= 80) tags.push(CareTag.ELDERLY_80);
  if (age >= 60 && r() < 0.2) tags.push(CareTag.LIVING_ALONE);
  if (age >= 60 && r() < 0.25) tags.push(CareTag.EMPTY_NEST);
  if (r() < 0.04) tags.push(CareTag.DISABLED);
  if (r() < 0.05) tags.push(CareTag.LOW_INCOME);
  if (r() < 0.01) tags.push(CareTag.EXTREME_POVERTY);
  if (age < 18 && r() < 0.1) tags.push(CareTag.CHILD_IN_DIFFICULTY);
  if (age >= 30 && gender === Gender.MALE && r() < 0.05) tags.push(CareTag.VETERAN);
  return {
    name: chineseName(r), gender, birthDate, careTags: tags,
    idNumber: idNumber(regionCode, birthDate, gender, serial), phone: age >= 16 ? mobile(r) : null,
  };
}
