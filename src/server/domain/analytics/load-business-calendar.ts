import type { Tx } from "../../db/tenant";
import { businessHoursSchema, type BusinessHours } from "../../../shared/schemas/business-hours";
import { parseJsonColumn } from "../../db/json-column";
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

/** Stored hours, read through their schema (the column has a default, so a mismatch is a defect: INTERNAL). */
export function parseBusinessHours(value: unknown, organizationId: string): BusinessHours {
  return parseJsonColumn(businessHoursSchema, value, {
    table: "organizations",
    column: "business_hours",
    id: organizationId,
  });
}

export async function loadBusinessCalendar(tx: Tx, organizationId: string): Promise<BusinessCalendar> {
  const row = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { timezone: true, businessHours: true },
  });
  return toBusinessCalendar(parseBusinessHours(row.businessHours, organizationId), row.timezone);
}
