import { z } from "../zod";

/** ISO weekdays as the stored keys: "1" = Monday … "7" = Sunday. */
export const isoWeekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;

const minuteOfDay = z.number().int().min(0).max(1440);

/** One open interval [start, end) in minutes after local midnight. */
const openInterval = z.tuple([minuteOfDay, minuteOfDay]).refine(([start, end]) => end > start, { error: "hoursOrder" });

const dayIntervals = z
  .array(openInterval)
  .max(6)
  // Overlapping intervals would count the same minutes twice.
  .refine(
    (intervals) => {
      const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
      return sorted.every((interval, i) => i === 0 || interval[0] >= sorted[i - 1]![1]);
    },
    { error: "hoursOverlap" },
  );

/**
 * An organization's business hours, as stored on it and edited in Configurações → Organização: the open
 * intervals of each weekday, whether national holidays close it, and its own closed days (YYYY-MM-DD).
 */
export const businessHoursSchema = z.object({
  week: z.object(
    Object.fromEntries(isoWeekdays.map((day) => [day, dayIntervals])) as Record<
      (typeof isoWeekdays)[number],
      typeof dayIntervals
    >,
  ),
  observeNationalHolidays: z.boolean(),
  closedDays: z
    .array(z.iso.date())
    .max(400)
    .transform((days) => [...new Set(days)].sort()),
});

export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** Mon–Fri 08:00–18:00, national holidays closed: the column's default too. */
export const defaultBusinessHours: BusinessHours = {
  week: {
    "1": [[480, 1080]],
    "2": [[480, 1080]],
    "3": [[480, 1080]],
    "4": [[480, 1080]],
    "5": [[480, 1080]],
    "6": [],
    "7": [],
  },
  observeNationalHolidays: true,
  closedDays: [],
};
