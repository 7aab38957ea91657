/**
 * Campaign times are typed and shown in the organization's time zone, not the browser's: a native
 * `datetime-local` value ("2025-11-24T09:00") is a wall-clock time there, converted to an instant.
 */

import { wallClockIn, zonedInstant } from "~/shared/zoned-clock";

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` value in the zone: `2025-11-24T09:00`. */
export function toZonedInput(iso: string | Date, timeZone: string): string {
  const wall = wallClockIn(new Date(iso), timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** A `datetime-local` (or `date`, as midnight) value read in the zone, as an ISO instant; null if malformed. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = "00", minute = "00"] = match;
  const instant = zonedInstant(`${year}-${month}-${day}`, Number(hour) * 60 + Number(minute), timeZone);
  return Number.isNaN(instant) ? null : new Date(instant).toISOString();
}

/** The calendar day (`2025-11-24`) of an instant in the zone, for `date` inputs. */
export function toZonedDate(iso: string, timeZone: string): string {
  return toZonedInput(iso, timeZone).slice(0, 10);
}
