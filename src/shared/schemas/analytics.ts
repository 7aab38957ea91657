import { z } from "zod";

export const analyticsPeriods = [7, 30, 90] as const;

/** What the dashboard's deltas compare with: the period just before, or the same dates a year earlier. */
export const analyticsComparisons = ["previous", "lastYear"] as const;
export type AnalyticsComparison = (typeof analyticsComparisons)[number];

export const analyticsDashboardInput = z.object({
  periodDays: z.union([z.literal(7), z.literal(30), z.literal(90)]),
  /** "Somente horário comercial": first response and resolution percentiles in business hours. */
  businessHours: z.boolean().default(false),
});

const periodTotals = z.object({
  inbound: z.number().int(),
  outbound: z.number().int(),
  firstResponses: z.number().int(),
  firstResponseP50: z.number().nullable(),
  firstResponseP90: z.number().nullable(),
  resolved: z.number().int(),
  resolutionP50: z.number().nullable(),
  resolutionP90: z.number().nullable(),
  reopened: z.number().int(),
  assigned: z.number().int(),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const analyticsDashboardOutput = z.object({
  timezone: z.string(),
  businessHours: z.boolean(),
  periodDays: z.number().int(),
  from: day,
  to: day,
  days: z.array(z.object({ day, inbound: z.number().int(), outbound: z.number().int() })),
  current: periodTotals,
  previous: periodTotals,
  previousPeriod: z.object({ from: day, to: day }),
  lastYear: periodTotals,
  lastYearPeriod: z.object({ from: day, to: day }),
  instances: z.array(periodTotals.extend({ instanceId: z.string(), name: z.string() })),
  members: z.array(periodTotals.extend({ memberId: z.string(), name: z.string() })),
});

export type AnalyticsDashboardOutput = z.infer<typeof analyticsDashboardOutput>;
