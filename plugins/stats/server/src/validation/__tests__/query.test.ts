import { periodOf, periodProblem, vietnamDate } from '../query';

describe('periods of Vietnam dates', () => {
  // 17:30 UTC on 31/12/2026 is already 1/1/2027 in Vietnam.
  const newYearInVietnam = new Date('2026-12-31T17:30:00.000Z');

  it.each([
    ['2026-12-31T16:59:59.999Z', '2026-12-31'],
    ['2026-12-31T17:00:00.000Z', '2027-01-01'],
    ['2026-06-15T03:00:00.000Z', '2026-06-15'],
  ])('%s is %s in Vietnam', (iso, date) => {
    expect(vietnamDate(new Date(iso))).toBe(date);
  });

  it('defaults to 1 January of the Vietnam year up to today', () => {
    expect(periodOf({}, newYearInVietnam)).toEqual({
      from: '2027-01-01',
      to: '2027-01-01',
      start: new Date('2026-12-31T17:00:00.000Z'),
      end: new Date('2027-01-01T16:59:59.999Z'),
    });
  });

  it.each([
    [{ from: '2026-03-01', to: '2026-03-31' }, null],
    [{ from: '2026-04-01', to: '2026-03-31' }, 'Ngày bắt đầu phải trước ngày kết thúc.'],
    [{ from: '2020-01-01', to: '2026-03-31' }, 'Khoảng thời gian thống kê tối đa 3 năm.'],
  ])('%j: %s', (query, problem) => {
    expect(periodProblem(periodOf(query, newYearInVietnam))).toBe(problem);
  });
});
