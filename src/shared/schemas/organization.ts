import { z } from "../zod";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const updateOrganizationInput = z.object({
  name: z.string().trim().min(2).max(120),
  timezone: z.string().refine(isTimeZone, { error: "timezoneUnknown" }),
});
