import { brazilianNationalHolidays } from "../campaigns/brazilian-holidays";
import { localDay } from "../legal/business-days";
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

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(timeZone: string, instant: number): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local wall time (day + minutes after midnight) happens in a zone, disambiguated like
 * Temporal's "compatible": a repeated wall time (DST ends) is its first occurrence, a skipped one (DST
 * starts) is moved forward by the jump, so an open interval never counts a missing or doubled hour.
 * Zones change offset at most once in two days, so the offsets a day before and after are the candidates.
 */
export function localInstant(day: string, minute: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  const before = wall - offsetAt(timeZone, wall - 86_400_000);
  const after = wall - offsetAt(timeZone, wall + 86_400_000);
  const valid = [before, after].filter((instant) => instant + offsetAt(timeZone, instant) === wall);
  return valid.length > 0 ? Math.min(...valid) : before;
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
  const last = addDays(localDay(end, calendar.timezone), 1);
  for (let day = addDays(localDay(start, calendar.timezone), -1); day <= last; day = addDays(day, 1)) {
    const intervals = calendar.week[isoWeekday(day)];
    if (!intervals || intervals.length === 0 || isClosedDay(day, calendar)) continue;
    for (const [open, close] of intervals) {
      const opens = Math.max(from, localInstant(day, open, calendar.timezone));
      const closes = Math.min(to, localInstant(day, close, calendar.timezone));
      if (closes > opens) total += closes - opens;
    }
  }
  return total / 1000;
}
