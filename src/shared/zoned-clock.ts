/**
 * Wall-clock reading of instants in an IANA time zone, and the way back, for everything that is "in the
 * organization's time zone" (send windows, business hours, report schedules, legal deadlines, campaign
 * inputs). One implementation on `Intl` so server and browser agree to the minute, DST included.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a clock in `timeZone` reads at an instant. */
export function wallClockIn(instant: Date | number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    isoWeekday: weekdays.indexOf(parts.weekday!) + 1,
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar day (YYYY-MM-DD) a wall clock shows. */
export function wallDate(wall: WallClock): string {
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date | number, timeZone: string): string {
  return wallDate(wallClockIn(instant, timeZone));
}

/** Minutes after local midnight of an instant in a time zone. */
export function localMinuteOfDay(instant: Date | number, timeZone: string): number {
  const wall = wallClockIn(instant, timeZone);
  return wall.hour * 60 + wall.minute;
}

/** Minutes after midnight of an "HH:MM" time. */
export function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** Milliseconds the zone is ahead of UTC at an instant (São Paulo: -3 h). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const wall = wallClockIn(instant, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ms) a local wall time — a YYYY-MM-DD day and minutes after its midnight — happens in a zone,
 * disambiguated like Temporal's "compatible": a repeated wall time (DST ends) is its first occurrence, a
 * skipped one (DST starts) is moved forward by the jump. Zones change offset at most once in two days, so
 * the offsets a day before and a day after are the only candidates. NaN for a day that does not exist.
 */
export function zonedInstant(day: string, minuteOfDay: number, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`) + minuteOfDay * 60_000;
  if (Number.isNaN(wall)) return Number.NaN;
  const before = wall - zoneOffsetMs(timeZone, wall - 86_400_000);
  const after = wall - zoneOffsetMs(timeZone, wall + 86_400_000);
  const valid = [before, after].filter((instant) => instant + zoneOffsetMs(timeZone, instant) === wall);
  return valid.length > 0 ? Math.min(...valid) : before;
}
