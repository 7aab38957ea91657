import type { ReportSchedule } from "../../../shared/schemas/reports";
import { addDays } from "../analytics/organization-calendar";

/** What a zone's clock reads at an instant, as a UTC timestamp of the same wall time (ms). */
function wallClockAt(instant: number, timezone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
}

/**
 * The instant a wall time (`day` YYYY-MM-DD, `time` HH:MM) happens in `timezone`. The offset is taken at
 * the guess and checked once at the result, so a DST change between the two is honoured; a wall time a
 * DST jump skips lands just after the jump.
 */
export function zonedInstant(day: string, time: string, timezone: string): Date {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const firstOffset = wallClockAt(wall, timezone) - wall;
  let instant = wall - firstOffset;
  const secondOffset = wallClockAt(instant, timezone) - instant;
  if (secondOffset !== firstOffset) instant = wall - secondOffset;
  return new Date(instant);
}

const localDay = (instant: Date, timezone: string) =>
  new Date(wallClockAt(instant.getTime(), timezone)).toISOString().slice(0, 10);

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
  let day = localDay(after, timezone);
  // A month and a bit covers every frequency (monthly days are 1–28).
  for (let step = 0; step < 40; step++, day = addDays(day, 1)) {
    if (!isScheduledDay(schedule, day)) continue;
    const at = zonedInstant(day, schedule.time, timezone);
    if (at > after) return at;
  }
  return null;
}
