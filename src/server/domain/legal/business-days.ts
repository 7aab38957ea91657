import { brazilianNationalHolidays } from "../campaigns/brazilian-holidays";
import { addDays } from "../analytics/organization-calendar";

/** Whether a YYYY-MM-DD day is a business day in Brazil: Monday to Friday and not a national holiday. */
export function isBusinessDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !brazilianNationalHolidays(Number(day.slice(0, 4))).has(day);
}

/**
 * The day `count` business days after `day` (the day itself not counted, as deadlines are counted in
 * Brazilian law: excluding the start, including the end).
 */
export function addBusinessDays(day: string, count: number): string {
  let current = day;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (isBusinessDay(current)) left -= 1;
  }
  return current;
}

/** The local calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

/** The last millisecond of a local day in a time zone, as an instant. */
export function endOfLocalDay(day: string, timeZone: string): Date {
  const next = addDays(day, 1);
  // The zone's offset at that moment, found by formatting a UTC guess back into the zone.
  const guess = new Date(`${next}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(guess);
  const value = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asLocal = Date.UTC(
    value("year"),
    value("month") - 1,
    value("day"),
    value("hour"),
    value("minute"),
    value("second"),
  );
  const offset = asLocal - guess.getTime();
  return new Date(guess.getTime() - offset - 1);
}

/** ANPD Res. 15/2024 art. 6: the end of the third business day after the organization learned of it. */
export function incidentNoticeDue(detectedAt: Date, timeZone: string, businessDays: number): Date {
  return endOfLocalDay(addBusinessDays(localDay(detectedAt, timeZone), businessDays), timeZone);
}
