import { minutesOf, wallClockIn, wallDate } from "../../../shared/zoned-clock";
import { brazilianNationalHolidays } from "./brazilian-holidays";
import type { SendSchedule } from "./campaign-settings-schema";

export type { SendSchedule } from "./campaign-settings-schema";

interface LocalTime {
  date: string;
  weekday: number;
  minutes: number;
}

/** Wall-clock date, weekday (0 = Sunday) and minute of day of an instant in a timezone. */
export function localTime(instant: Date, timezone: string): LocalTime {
  const wall = wallClockIn(instant, timezone);
  return {
    date: wallDate(wall),
    weekday: wall.isoWeekday % 7,
    minutes: wall.hour * 60 + wall.minute,
  };
}

/** Why a moment is outside the send window (codes; the UI words them as `campaigns.window.<code>`). */
export type WindowClosed = "before_start" | "after_end" | "weekday" | "holiday" | "outside_hours" | "quiet_hours";

/** Why a moment is outside the window, or null when sending is allowed. */
export function outsideWindow(schedule: SendSchedule, timezone: string, instant: Date): WindowClosed | null {
  if (instant < new Date(schedule.startAt)) return "before_start";
  if (schedule.endAt && instant >= new Date(schedule.endAt)) return "after_end";
  const local = localTime(instant, timezone);
  if (!schedule.weekdays.includes(local.weekday)) return "weekday";
  if (schedule.skipHolidays && brazilianNationalHolidays(Number(local.date.slice(0, 4))).has(local.date))
    return "holiday";
  if (local.minutes < minutesOf(schedule.from) || local.minutes >= minutesOf(schedule.to)) return "outside_hours";
  if (schedule.quietFrom && schedule.quietTo) {
    const quietFrom = minutesOf(schedule.quietFrom);
    const quietTo = minutesOf(schedule.quietTo);
    const inQuiet =
      quietFrom <= quietTo
        ? local.minutes >= quietFrom && local.minutes < quietTo
        : local.minutes >= quietFrom || local.minutes < quietTo;
    if (inQuiet) return "quiet_hours";
  }
  return null;
}

/** The next moment (to the minute, within `horizonDays`) the window opens, or null if it never does. */
export function nextWindowOpening(
  schedule: SendSchedule,
  timezone: string,
  after: Date,
  horizonDays = 60,
): Date | null {
  const start = new Date(Math.max(after.getTime(), new Date(schedule.startAt).getTime()));
  start.setUTCSeconds(0, 0);
  const limit = start.getTime() + horizonDays * 86_400_000;
  // Minute steps, jumping ahead a whole hour when the hour is closed for a day-level reason.
  for (let t = start.getTime(); t < limit;) {
    const reason = outsideWindow(schedule, timezone, new Date(t));
    if (!reason) return new Date(Math.max(t, after.getTime()));
    if (reason === "after_end") return null;
    t += reason === "outside_hours" || reason === "quiet_hours" ? 60_000 : 15 * 60_000;
  }
  return null;
}
