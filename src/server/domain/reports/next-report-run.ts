import type { ReportSchedule } from "../../../shared/schemas/reports";
import { localDate, minutesOf, zonedInstant } from "../../../shared/zoned-clock";
import { addDays } from "../analytics/organization-calendar";

/** The instant a wall time (`day` YYYY-MM-DD, `time` HH:MM) happens in `timezone`. */
export function zonedTime(day: string, time: string, timezone: string): Date {
  return new Date(zonedInstant(day, minutesOf(time), timezone));
}

function isScheduledDay(schedule: ReportSchedule, day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  if (schedule.frequency === "weekly") return date.getUTCDay() === schedule.weekday;
  if (schedule.frequency === "monthly") return date.getUTCDate() === schedule.monthDay;
  return true;
}

/**
 * The first moment after `after` when a report's schedule is due: its local time in the organization's
 * time zone on a day the frequency picks. Null when the report is not scheduled or has no recipients.
 */
export function nextReportRun(schedule: ReportSchedule, timezone: string, after: Date): Date | null {
  if (schedule.frequency === "none" || schedule.recipients.length === 0) return null;
  let day = localDate(after, timezone);
  // A month and a bit covers every frequency (monthly days are 1–28).
  for (let step = 0; step < 40; step++, day = addDays(day, 1)) {
    if (!isScheduledDay(schedule, day)) continue;
    const at = zonedTime(day, schedule.time, timezone);
    if (at > after) return at;
  }
  return null;
}
