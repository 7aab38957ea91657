import { brazilianNationalHolidays } from "../campaigns/brazilian-holidays";
import { localDate, zonedInstant } from "../../../shared/zoned-clock";
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

/** The last millisecond of a local day in a time zone, as an instant. */
export function endOfLocalDay(day: string, timeZone: string): Date {
  return new Date(zonedInstant(addDays(day, 1), 0, timeZone) - 1);
}

/** ANPD Res. 15/2024 art. 6: the end of the third business day after the organization learned of it. */
export function incidentNoticeDue(detectedAt: Date, timeZone: string, businessDays: number): Date {
  return endOfLocalDay(addBusinessDays(localDate(detectedAt, timeZone), businessDays), timeZone);
}
