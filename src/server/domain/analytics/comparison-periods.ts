import { addDays } from "./organization-calendar";

/** A run of organization days, both ends included (YYYY-MM-DD). */
export interface DayPeriod {
  from: string;
  to: string;
}

/** The same calendar date one year earlier; 29 February becomes 28 February (the year before has none). */
export function sameDayLastYear(day: string): string {
  const [year, month, date] = day.split("-");
  const shifted = `${String(Number(year) - 1).padStart(4, "0")}-${month}-${date}`;
  return month === "02" && date === "29" ? shifted.replace(/-29$/, "-28") : shifted;
}

/** Days from `from` to `to`, both included. */
export function periodLength(period: DayPeriod): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * What a period is compared with: the period of equal length just before it, and the same calendar dates
 * one year earlier. The dashboard and saved reports both ask this one function, so they compare alike.
 */
export function comparisonPeriods(period: DayPeriod): { previous: DayPeriod; lastYear: DayPeriod } {
  const length = periodLength(period);
  return {
    previous: { from: addDays(period.from, -length), to: addDays(period.from, -1) },
    lastYear: { from: sameDayLastYear(period.from), to: sameDayLastYear(period.to) },
  };
}
