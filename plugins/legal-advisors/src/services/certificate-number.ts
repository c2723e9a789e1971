/**
 * 律师执业证号 (Ministry of Justice numbering, 17 digits):
 *  1     certificate kind, 1 for a practising certificate
 *  2–3   province of the practising institution (GB/T 2260 province code)
 *  4–5   city or district within it
 *  6–9   year of first practice
 *  10    practice category: 1 full-time, 2 part-time, 3–5 Hong Kong/Macao/Taiwan residents,
 *        6 public-sector, 7 corporate, 8 legal aid, 9 military
 *  11    gender: 1 male, 0 female
 *  12–17 serial number
 */
const PROVINCE = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])$/;
const FIRST_YEAR = 1979;

export function certificateNumberProblem(value: string, today = new Date()): string | null {
  if (!/^\d{17}$/.test(value)) return 'must be 17 digits';
  if (value[0] !== '1') return 'must start with 1 (practising certificate)';
  if (!PROVINCE.test(value.slice(1, 3))) return 'digits 2–3 must be a province code';
  const year = Number(value.slice(5, 9));
  if (year < FIRST_YEAR || year > today.getUTCFullYear()) return `digits 6–9 must be the year of first practice (${FIRST_YEAR}–${today.getUTCFullYear()})`;
  if (value[9] === '0') return 'digit 10 must be a practice category (1–9)';
  if (value[10] !== '0' && value[10] !== '1') return 'digit 11 must be 1 (male) or 0 (female)';
  return null;
}
