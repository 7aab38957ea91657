import { parseJsonColumn, toJsonColumn } from "../../db/json-column";
import { messageParamsSchema } from "../../../shared/schemas/message-params";
import { z } from "../../../shared/zod";

/**
 * The JSON columns of `campaigns`, one schema each: what save-campaign writes (from the validated
 * input) and what every reader gets back, parsed. Input rules and their messages stay in
 * src/shared/schemas/campaigns.ts; these only say what a stored value is.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** campaigns.audience: the contacts the campaign is for (before consent and preflight exclusions). */
export const campaignAudienceSchema = z.object({
  tagIds: z.array(z.string()),
  /** Contacts with a conversation on one of these numbers (empty: any). */
  instanceIds: z.array(z.string()).default([]),
  consent: z.enum(["opted_in", "opted_in_or_unknown"]),
  lastInteraction: z.object({ after: z.string().nullish(), before: z.string().nullish() }),
  fields: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

/** campaigns.variants: up to 3 messages, rotated over the eligible recipients. */
export const campaignVariantSchema = z.object({
  body: z.string(),
  media: z.object({ key: z.string(), mimeType: z.string(), fileName: z.string(), size: z.number() }).nullish(),
});
export const campaignVariantsSchema = z.array(campaignVariantSchema).min(1);
export type CampaignVariant = z.infer<typeof campaignVariantSchema>;

/** campaigns.limits: sends per number per minute, hour and day, and the pause between two sends. */
export const campaignLimitsSchema = z.object({
  perMinute: z.number(),
  perHour: z.number(),
  perDay: z.number(),
  minIntervalSeconds: z.number(),
  maxIntervalSeconds: z.number(),
});
export type CampaignLimits = z.infer<typeof campaignLimitsSchema>;

/** campaigns.schedule: when the campaign may send, in the organization's timezone. */
export const sendScheduleSchema = z.object({
  startAt: z.iso.datetime(),
  endAt: z.iso.datetime().nullish(),
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: z.array(z.number().int().min(0).max(6)),
  /** "09:00" – "18:00": sending hours. */
  from: hhmm,
  to: hhmm,
  /** Quiet hours inside the day (e.g. lunch), never sent in. */
  quietFrom: hhmm.nullish(),
  quietTo: hhmm.nullish(),
  skipHolidays: z.boolean(),
});
export type SendSchedule = z.infer<typeof sendScheduleSchema>;

/** campaigns.thresholds: when a running campaign pauses itself. */
export const campaignThresholdsSchema = z.object({
  failureRate: z.number(),
  optOutRate: z.number(),
  minSample: z.number(),
});
export type CampaignThresholds = z.infer<typeof campaignThresholdsSchema>;

const columnSchemas = {
  audience: campaignAudienceSchema,
  variants: campaignVariantsSchema,
  limits: campaignLimitsSchema,
  schedule: sendScheduleSchema,
  thresholds: campaignThresholdsSchema,
  pauseParams: messageParamsSchema,
};
type CampaignJsonColumn = keyof typeof columnSchemas;
type Stored = { [C in CampaignJsonColumn]: z.output<(typeof columnSchemas)[C]> };
type Written = { [C in CampaignJsonColumn]: z.input<(typeof columnSchemas)[C]> };
// Typed as a mapped type so that indexing by a generic column keeps each column's own types.
const columns: { [C in CampaignJsonColumn]: z.ZodType<Stored[C], Written[C]> } = columnSchemas;

/** One JSON column of a campaign row, parsed (an INTERNAL error naming the campaign when it does not match). */
export function campaignColumn<Column extends CampaignJsonColumn>(
  row: { id: string } & Record<Column, unknown>,
  column: Column,
): Stored[Column] {
  return parseJsonColumn(columns[column], row[column], { table: "campaigns", column, id: row.id });
}

/** A JSON column's value as save-campaign writes it. */
export function campaignColumnValue<Column extends CampaignJsonColumn>(column: Column, value: Written[Column]) {
  return toJsonColumn(columns[column], value);
}
