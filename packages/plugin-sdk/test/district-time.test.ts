import {
  addDays, addMonths, ageOn, dateOf, instantOf, isoWeekday, monthRange, parseLocalDate, parseLocalTime, today,
} from '../src';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return null;
};

describe('dates in the district time zone (Asia/Shanghai)', () => {
  test('the date of an instant changes at midnight Shanghai time, 16:00 UTC', () => {
    expect(dateOf(new Date('2026-12-03T15:59:59.999Z'))).toBe('2026-12-03');
    expect(dateOf(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04');
    expect(today(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(dateOf(new Date('2026-12-03T16:00:00Z'), 'UTC')).toBe('2026-12-03');
  });

  test('the instant of a local date-time', () => {
    expect(instantOf('2026-12-03', '10:30').toISOString()).toBe('2026-12-03T02:30:00.000Z');
    expect(instantOf('2026-01-01', '00:00').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(instantOf('2026-07-01', '12:00:30', 'Europe/Berlin').toISOString()).toBe('2026-07-01T10:00:30.000Z');
  });

  test('adding days and months; month ends clamp', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  test('ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(['2026-11-30', '2026-12-01', '2026-12-05', '2026-12-06'].map(isoWeekday)).toEqual([1, 2, 6, 7]);
  });

  test('ages in full years, a Feb 29 birthday counting from Mar 1', () => {
    expect(ageOn('1950-06-15', '2026-06-14')).toBe(75);
    expect(ageOn('1950-06-15', '2026-06-15')).toBe(76);
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn(new Date('1960-01-01T00:00:00Z'), '2026-01-01')).toBe(66);
  });

  test('bad dates, times and months are BAD_USER_INPUT at the field', () => {
    expect(parseLocalDate('2028-02-29', 'input.on')).toBe('2028-02-29');
    expect(parseLocalDate(new Date('2026-12-03T00:00:00Z'), 'input.on')).toBe('2026-12-03');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', 'tomorrow', '2026-12-03T00:00']) {
      expect(codeOf(() => parseLocalDate(bad, 'input.on'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.on' });
    }
    expect(parseLocalTime('23:59', 'input.at')).toBe('23:59');
    expect(codeOf(() => parseLocalTime('24:00', 'input.at'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.at' });
    expect(monthRange('2026-12', 'month')).toEqual(['2026-12-01', '2027-01-01']);
    expect(codeOf(() => monthRange('2026-13', 'month'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});
