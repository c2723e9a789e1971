/** Full years between a `YYYY-MM-DD` birth date and `on` (calendar, Asia/Shanghai date). */
export function ageOn(birthDate: string, on: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const today = shanghaiDate(on);
  let age = today.y - y;
  if (today.m < m || (today.m === m && today.d < d)) age--;
  return age;
}

export function shanghaiDate(at: Date): { y: number; m: number; d: number } {
  const s = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}
