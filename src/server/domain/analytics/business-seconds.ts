import { brazilianNationalHolidays } from "../campaigns/brazilian-holidays";
import { localDate, zonedInstant } from "../../../shared/zoned-clock";
import { addDays } from "./organization-calendar";

/**
 * An organization's opening hours: per ISO weekday (1 = Monday … 7 = Sunday) the open intervals in
 * minutes after local midnight, [start, end), read in `timezone`; national holidays and its own closed
 * days (YYYY-MM-DD) are closed all day.
 */
export interface BusinessCalendar {
  timezone: string;
  week: Readonly<Partial<Record<number, readonly (readonly [number, number])[]>>>;
  observeNationalHolidays: boolean;
  closedDays: readonly string[];
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a YYYY-MM-DD day. */
function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Whether the organization is closed the whole of a local day (a national holiday it observes, or its own). */
export function isClosedDay(day: string, calendar: BusinessCalendar): boolean {
  if (calendar.closedDays.includes(day)) return true;
  return calendar.observeNationalHolidays && brazilianNationalHolidays(Number(day.slice(0, 4))).has(day);
}

/**
 * Seconds between two instants that fall inside the calendar's open hours (0 when `end` is not after
 * `start`). Measured on real elapsed time: an open interval that spans a DST jump counts the hours that
 * actually passed. First response and resolution times "in business hours" are this.
 */
export function businessSecondsBetween(start: Date, end: Date, calendar: BusinessCalendar): number {
  const from = start.getTime();
  const to = end.getTime();
  if (!(to > from)) return 0;
  let total = 0;
  // One local day before and after: an interval of the previous local day may end past midnight in UTC.
  const last = addDays(localDate(end, calendar.timezone), 1);
  for (let day = addDays(localDate(start, calendar.timezone), -1); day <= last; day = addDays(day, 1)) {
    const intervals = calendar.week[isoWeekday(day)];
    if (!intervals || intervals.length === 0 || isClosedDay(day, calendar)) continue;
    for (const [open, close] of intervals) {
      const opens = Math.max(from, zonedInstant(day, open, calendar.timezone));
      const closes = Math.min(to, zonedInstant(day, close, calendar.timezone));
      if (closes > opens) total += closes - opens;
    }
  }
  return total / 1000;
}
