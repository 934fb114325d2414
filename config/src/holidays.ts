/**
 * Ngày nghỉ lễ, Tết (Bộ luật Lao động 2019, Điều 112) và lịch nghỉ hằng năm, dùng để tính thời hạn xử
 * hồ sơ theo ngày làm việc. Quy tắc cố định ở đây; ngày nghỉ thêm, hoán đổi và làm bù do Chính phủ
 * thông báo từng năm nằm trong bảng CALENDAR_YEARS, cán bộ sửa được trong trang quản trị ("Lịch nghỉ
 * hằng năm").
 */

/** A day in Vietnam, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface FixedHoliday {
  month: number;
  day: number;
  name: string;
  /** First year the holiday applies. */
  since?: number;
}

export interface LunarHoliday {
  month: number;
  day: number;
  name: string;
}

/** Tết when a year's table gives no span: the last day of the lunar year and the first days of the new one. */
export interface TetRule {
  name: string;
  daysBefore: number;
  daysFrom: number;
}

export interface CalendarDay {
  date: IsoDate;
  name: string;
}

export interface CalendarYear {
  year: number;
  /** The whole Tết break as announced (weekends and compensation included): no shift is added. */
  tet?: { from: IsoDate; to: IsoDate };
  /** Extra days off: swaps, the day adjacent to 2/9, one-off holidays. */
  daysOff: CalendarDay[];
  /** Make-up working days (usually Saturdays), working even on a weekend. */
  workingDays: CalendarDay[];
  note?: string;
}

export const FIXED_HOLIDAYS: FixedHoliday[] = [
  { month: 1, day: 1, name: 'Tết Dương lịch' },
  { month: 4, day: 30, name: 'Ngày Chiến thắng' },
  { month: 5, day: 1, name: 'Ngày Quốc tế Lao động' },
  { month: 9, day: 2, name: 'Quốc khánh' },
  { month: 11, day: 24, name: 'Ngày Văn hóa Việt Nam', since: 2026 },
];

export const LUNAR_HOLIDAYS: LunarHoliday[] = [{ month: 3, day: 10, name: 'Giỗ Tổ Hùng Vương' }];

export const TET_RULE: TetRule = { name: 'Tết Âm lịch', daysBefore: 1, daysFrom: 4 };

export const CALENDAR_YEARS: CalendarYear[] = [
  {
    year: 2025,
    tet: { from: '2025-01-25', to: '2025-02-02' },
    daysOff: [
      { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)' },
      { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề)' },
    ],
    workingDays: [{ date: '2025-04-26', name: 'Làm bù cho ngày nghỉ 2/5/2025' }],
  },
  {
    year: 2026,
    tet: { from: '2026-02-14', to: '2026-02-22' },
    daysOff: [{ date: '2026-09-01', name: 'Quốc khánh (ngày liền kề)' }],
    workingDays: [],
    note:
      'Ngày liền kề Quốc khánh và các ngày hoán đổi (nếu có) phải đối chiếu với thông báo của Bộ Nội vụ ' +
      'trước khi dùng.',
  },
  {
    year: 2027,
    daysOff: [],
    workingDays: [],
    note:
      'Chưa có thông báo lịch nghỉ năm 2027: Tết tính theo quy tắc (ngày cuối năm âm lịch và 4 ngày đầu năm), ' +
      'ngày liền kề Quốc khánh chưa có. Cập nhật khi Bộ Nội vụ thông báo.',
  },
];
