import { wallClockIn } from "../../../shared/zoned-clock";

/** Whether `at` falls inside the business hours, read in the organization's time zone. */
export function withinBusinessHours(
  at: Date,
  timeZone: string,
  hours: { businessStartMinute: number; businessEndMinute: number; businessDays: readonly number[] },
): boolean {
  const wall = wallClockIn(at, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  return (
    hours.businessDays.includes(wall.isoWeekday) &&
    minute >= hours.businessStartMinute &&
    minute < hours.businessEndMinute
  );
}
