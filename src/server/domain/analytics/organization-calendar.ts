import type { Tx } from "../../db/tenant";

/** The organization's timezone and its current day there (YYYY-MM-DD), read from the database clock. */
export async function organizationCalendar(
  tx: Tx,
  organizationId: string,
): Promise<{ timezone: string; today: string }> {
  const [row] = await tx.$queryRaw<{ timezone: string; today: string }[]>`
    SELECT timezone, (now() AT TIME ZONE timezone)::date::text AS today FROM organizations WHERE id = ${organizationId}::uuid`;
  if (!row) throw new Error(`organization ${organizationId} not found`);
  return row;
}

/** Calendar arithmetic on YYYY-MM-DD days (no timezone involved: a day is a label). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The first day of `day`'s month (YYYY-MM-01). */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` after the one starting on `month`. */
export function addMonths(month: string, months: number): string {
  const date = new Date(`${month}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}
