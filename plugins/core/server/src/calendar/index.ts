export { solarToLunar, lunarToSolar, type LunarDate, type SolarDate } from './lunar';
export {
  createWorkingCalendar,
  addDays,
  vietnamDate,
  weekday,
  type CalendarData,
  type WorkingCalendar,
} from './working-days';
