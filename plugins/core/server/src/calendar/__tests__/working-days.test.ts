import { CALENDAR_YEARS, FIXED_HOLIDAYS, LUNAR_HOLIDAYS, TET_RULE } from '@sgd/config';
import { createWorkingCalendar, weekday } from '../working-days';

const calendar = createWorkingCalendar({
  fixed: FIXED_HOLIDAYS,
  lunar: LUNAR_HOLIDAYS,
  tetRule: TET_RULE,
  years: CALENDAR_YEARS,
});
const DAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];

describe('working days in Vietnam', () => {
  test.each([
    // date, weekday (checked), working?, why
    ['2026-12-07', 'T2', true, 'an ordinary Monday'],
    ['2026-12-12', 'T7', false, 'Saturday'],
    ['2026-12-13', 'CN', false, 'Sunday'],
    ['2026-01-01', 'T5', false, 'Tết Dương lịch'],
    ['2026-01-02', 'T6', true, 'the day after New Year'],
    ['2025-01-24', 'T6', true, 'the last working day before Tết 2025'],
    ['2025-01-27', 'T2', false, 'Tết 2025 (announced span 25/1–2/2)'],
    ['2025-01-31', 'T6', false, 'Tết 2025'],
    ['2025-02-03', 'T2', true, 'back to work after Tết 2025'],
    ['2025-04-07', 'T2', false, 'Giỗ Tổ Hùng Vương 2025'],
    ['2025-04-26', 'T7', true, 'make-up Saturday for the 2/5/2025 swap'],
    ['2025-04-30', 'T4', false, 'Ngày Chiến thắng'],
    ['2025-05-01', 'T5', false, 'Quốc tế Lao động'],
    ['2025-05-02', 'T6', false, 'swapped day off'],
    ['2025-09-01', 'T2', false, 'Quốc khánh adjacent day 2025'],
    ['2025-09-02', 'T3', false, 'Quốc khánh'],
    ['2025-11-24', 'T2', true, 'Ngày Văn hóa Việt Nam is a day off only from 2026'],
    ['2026-02-13', 'T6', true, 'the last working day before Tết 2026'],
    ['2026-02-16', 'T2', false, 'Tết 2026 (announced span 14–22/2)'],
    ['2026-02-20', 'T6', false, 'Tết 2026'],
    ['2026-02-23', 'T2', true, 'back to work after Tết 2026'],
    ['2026-04-26', 'CN', false, 'Giỗ Tổ 2026 on a Sunday'],
    ['2026-04-27', 'T2', false, 'compensation for Giỗ Tổ 2026'],
    ['2026-04-28', 'T3', true, 'an ordinary Tuesday'],
    ['2026-11-24', 'T3', false, 'Ngày Văn hóa Việt Nam 2026'],
    ['2027-02-05', 'T6', false, 'rule Tết 2027: last day of the lunar year'],
    ['2027-02-08', 'T2', false, 'rule Tết 2027: 3rd day'],
    ['2027-02-09', 'T3', false, 'rule Tết 2027: 4th day'],
    ['2027-02-10', 'T4', false, 'compensation for Tết on Saturday 6/2/2027'],
    ['2027-02-11', 'T5', false, 'compensation for Tết on Sunday 7/2/2027'],
    ['2027-02-12', 'T6', true, 'back to work after Tết 2027'],
    ['2027-05-03', 'T2', false, 'compensation for 1/5/2027 on a Saturday'],
  ])('%s (%s) working=%s: %s', (date, day, working) => {
    expect(DAYS[weekday(date)]).toBe(day);
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  test('names the holiday', () => {
    expect(calendar.holiday('2026-09-02')).toEqual({ name: 'Quốc khánh' });
    expect(calendar.holiday('2026-04-27')).toEqual({ name: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(calendar.holiday('2025-04-26')).toBeNull();
    expect(calendar.holiday('2026-12-12')).toBeNull();
  });

  test.each([
    ['Monday 09:00 + 3', '2026-12-07T02:00:00Z', 3, '2026-12-10T16:59:59.999Z'],
    ['Friday + 3 skips the weekend', '2026-12-11T02:00:00Z', 3, '2026-12-16T16:59:59.999Z'],
    ['Saturday + 3', '2026-12-12T02:00:00Z', 3, '2026-12-16T16:59:59.999Z'],
    ['across Tết 2026', '2026-02-13T02:00:00Z', 3, '2026-02-25T16:59:59.999Z'],
    ['late Sunday UTC is Monday in Vietnam', '2026-03-01T20:00:00Z', 1, '2026-03-03T16:59:59.999Z'],
    ['across the 30/4–1/5/2025 swap', '2025-04-29T02:00:00Z', 1, '2025-05-05T16:59:59.999Z'],
    ['a make-up Saturday counts', '2025-04-25T02:00:00Z', 1, '2025-04-26T16:59:59.999Z'],
    ['0 on a working day: end of the day', '2026-12-07T02:00:00Z', 0, '2026-12-07T16:59:59.999Z'],
    ['0 on a Saturday: end of Monday', '2026-12-12T02:00:00Z', 0, '2026-12-14T16:59:59.999Z'],
  ])('deadline: %s', (_, from, n, due) => {
    expect(calendar.addWorkingDays(new Date(from), n).toISOString()).toBe(due);
  });

  test.each([
    ['same day', '2026-12-07T02:00:00Z', '2026-12-07T10:00:00Z', 0],
    ['Monday to Thursday', '2026-12-07T02:00:00Z', '2026-12-10T02:00:00Z', 3],
    ['over a weekend', '2026-12-11T02:00:00Z', '2026-12-14T02:00:00Z', 1],
    ['backwards', '2026-12-10T02:00:00Z', '2026-12-07T02:00:00Z', 0],
    ['over Tết 2026', '2026-02-13T02:00:00Z', '2026-02-23T02:00:00Z', 1],
  ])('working days between: %s', (_, a, b, n) => {
    expect(calendar.workingDaysBetween(new Date(a), new Date(b))).toBe(n);
  });

  test('a staff-edited year table changes the result', () => {
    const edited = createWorkingCalendar({
      fixed: FIXED_HOLIDAYS,
      lunar: LUNAR_HOLIDAYS,
      tetRule: TET_RULE,
      years: [
        { year: 2027, daysOff: [{ date: '2027-09-03', name: 'Quốc khánh (ngày liền kề)' }], workingDays: [] },
      ],
    });
    expect(calendar.isWorkingDay('2027-09-03')).toBe(true);
    expect(edited.isWorkingDay('2027-09-03')).toBe(false);
  });
});
