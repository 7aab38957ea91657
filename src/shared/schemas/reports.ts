import { z } from "zod";

/** What a saved report can count (the dashboard's totals); durations are in whole seconds. */
export const reportMetrics = [
  "inbound",
  "outbound",
  "firstResponses",
  "firstResponseP50",
  "firstResponseP90",
  "resolved",
  "resolutionP50",
  "resolutionP90",
  "reopened",
  "assigned",
] as const;

export type ReportMetric = (typeof reportMetrics)[number];

export const durationMetrics: ReadonlySet<ReportMetric> = new Set([
  "firstResponseP50",
  "firstResponseP90",
  "resolutionP50",
  "resolutionP90",
]);

/** What the rows of a report are: organization days, numbers or members. */
export const reportDimensions = ["day", "instance", "member"] as const;
export type ReportDimension = (typeof reportDimensions)[number];

export const reportPeriods = [7, 30, 90, 365] as const;
/** What a report compares its period with (none, the period just before, the same dates a year earlier). */
export const reportComparisons = ["none", "previous", "lastYear"] as const;
export type ReportComparison = (typeof reportComparisons)[number];
export const reportFrequencies = ["none", "daily", "weekly", "monthly"] as const;
export const reportFormats = ["xlsx", "csv"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportFilters = z.object({
  instanceIds: z.array(z.uuid()).max(50).default([]),
  memberIds: z.array(z.uuid()).max(50).default([]),
});

export const reportSchedule = z.object({
  frequency: z.enum(reportFrequencies),
  /** Local time in the organization's time zone, "HH:MM". */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "timeFormat" }),
  /** 0 = Sunday … 6 = Saturday (weekly). */
  weekday: z.number().int().min(0).max(6),
  /** Day of the month (monthly); at most 28 so every month has it. */
  monthDay: z.number().int().min(1).max(28),
  recipients: z.array(z.email()).max(20),
  format: z.enum(reportFormats),
});

export type ReportSchedule = z.infer<typeof reportSchedule>;

export const reportDefinition = z.object({
  name: z.string().trim().min(1).max(120),
  metrics: z.array(z.enum(reportMetrics)).min(1).max(reportMetrics.length),
  dimension: z.enum(reportDimensions),
  periodDays: z.union(reportPeriods.map((days) => z.literal(days))),
  filters: reportFilters,
  /** Absent means "none" (reports saved before comparisons existed). */
  comparison: z.enum(reportComparisons).optional(),
  schedule: reportSchedule,
});

export type ReportDefinition = z.infer<typeof reportDefinition>;

export const saveReportInput = reportDefinition.extend({ id: z.uuid().optional() });
export type SaveReportInput = z.infer<typeof saveReportInput>;

export const reportIdInput = z.object({ id: z.uuid() });

export const savedReportOutput = reportDefinition.extend({
  id: z.string(),
  nextRunAt: z.date().nullable(),
  lastSentAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type SavedReportDto = z.infer<typeof savedReportOutput>;

export const listReportsOutput = z.array(savedReportOutput);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A report's numbers: one row per day, number or member (then the total), one value per metric. The
 * screen, the CSV and the XLSX are all made from this table, so they hold the same numbers.
 */
export const reportTable = z.object({
  timezone: z.string(),
  from: day,
  to: day,
  dimension: z.enum(reportDimensions),
  metrics: z.array(z.enum(reportMetrics)),
  /** The period compared with, when the report asks for a comparison. */
  comparison: z
    .object({ kind: z.enum(["previous", "lastYear"]), from: day, to: day })
    .nullable()
    .default(null),
  rows: z.array(
    z.object({
      /** A day (YYYY-MM-DD), an instance or member id, or null for the total row. */
      key: z.string().nullable(),
      /** The day, the number's or member's name; null for the total row (the reader words it). */
      label: z.string().nullable(),
      values: z.array(z.number().nullable()),
      /** Per metric (with a comparison): the compared period's value and the change to it. */
      compared: z
        .array(
          z.object({
            value: z.number().nullable(),
            delta: z.number().nullable(),
            /** Percent with one decimal (12.5 = +12.5 %); null when the compared value is 0 or missing. */
            deltaPercent: z.number().nullable(),
          }),
        )
        .nullable()
        .default(null),
    }),
  ),
});
export type ReportTable = z.infer<typeof reportTable>;

export const openReportOutput = z.object({ report: savedReportOutput, table: reportTable });
export const deleteReportOutput = z.object({ deleted: z.boolean() });
