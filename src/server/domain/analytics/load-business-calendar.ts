import type { Tx } from "../../db/tenant";
import { businessHoursSchema, defaultBusinessHours, type BusinessHours } from "../../../shared/schemas/business-hours";
import type { BusinessCalendar } from "./business-seconds";

/** The stored hours read in the organization's time zone, as businessSecondsBetween takes them. */
export function toBusinessCalendar(hours: BusinessHours, timezone: string): BusinessCalendar {
  return {
    timezone,
    week: Object.fromEntries(Object.entries(hours.week).map(([day, intervals]) => [Number(day), intervals])),
    observeNationalHolidays: hours.observeNationalHolidays,
    closedDays: hours.closedDays,
  };
}

/** Stored hours, validated; a row written before validation existed falls back to the default. */
export function parseBusinessHours(value: unknown): BusinessHours {
  const parsed = businessHoursSchema.safeParse(value);
  return parsed.success ? parsed.data : defaultBusinessHours;
}

export async function loadBusinessCalendar(tx: Tx, organizationId: string): Promise<BusinessCalendar> {
  const row = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { timezone: true, businessHours: true },
  });
  return toBusinessCalendar(parseBusinessHours(row.businessHours), row.timezone);
}
