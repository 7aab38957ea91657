import { z } from "../zod";
import { messageParamsSchema } from "./message-params";

export const legalBases = ["consent", "legitimate_interest", "contract", "legal_obligation"] as const;
export type LegalBasisName = (typeof legalBases)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: "timeFormat" });

export const campaignAudienceInput = z.object({
  tagIds: z.array(z.uuid()).max(20).default([]),
  /** Contacts with a conversation on one of these numbers (empty: any). */
  instanceIds: z.array(z.uuid()).max(20).default([]),
  consent: z.enum(["opted_in", "opted_in_or_unknown"]).default("opted_in"),
  lastInteraction: z.object({ after: z.iso.datetime().nullish(), before: z.iso.datetime().nullish() }).default({}),
  fields: z
    .array(z.object({ key: z.string().min(1).max(40), value: z.string().max(200) }))
    .max(10)
    .default([]),
});

export const campaignVariantInput = z.object({
  body: z.string().trim().min(1, { error: "campaignBodyRequired" }).max(4096),
  media: z
    .object({
      key: z.string().min(1),
      mimeType: z.string().min(1),
      fileName: z.string().min(1),
      size: z.number().int(),
    })
    .nullish(),
});

export const campaignLimitsInput = z
  .object({
    perMinute: z.number().int().min(1).max(100_000),
    perHour: z.number().int().min(1).max(1_000_000),
    perDay: z.number().int().min(1).max(10_000_000),
    minIntervalSeconds: z.number().min(0).max(3600),
    maxIntervalSeconds: z.number().min(0).max(3600),
  })
  .refine((limits) => limits.maxIntervalSeconds >= limits.minIntervalSeconds, {
    error: "intervalOrder",
    path: ["maxIntervalSeconds"],
  });

export const campaignScheduleInput = z
  .object({
    startAt: z.iso.datetime(),
    endAt: z.iso.datetime().nullish(),
    weekdays: z.array(z.number().int().min(0).max(6)).min(1, { error: "weekdaysRequired" }),
    from: hhmm,
    to: hhmm,
    quietFrom: hhmm.nullish(),
    quietTo: hhmm.nullish(),
    skipHolidays: z.boolean().default(true),
  })
  .refine((s) => s.from < s.to, { error: "hoursOrder", path: ["to"] })
  .refine((s) => !s.endAt || s.endAt > s.startAt, { error: "endAfterStart", path: ["endAt"] });

export const campaignThresholdsInput = z.object({
  /** Pause when more than this share of sends fail (0–1). */
  failureRate: z.number().min(0).max(1).default(0.2),
  /** Pause when more than this share of recipients opt out (0–1). */
  optOutRate: z.number().min(0).max(1).default(0.05),
  /** Rates are judged only after this many sends. */
  minSample: z.number().int().min(1).max(10_000).default(20),
});

export const saveCampaignInput = z.object({
  id: z.uuid().nullish(),
  name: z.string().trim().min(2, { error: "campaignNameRequired" }).max(120),
  legalBasis: z.enum(legalBases),
  audience: campaignAudienceInput,
  variants: z.array(campaignVariantInput).min(1).max(3, { error: "variantsMax" }),
  instanceIds: z.array(z.uuid()).min(1, { error: "instancesRequired" }).max(50),
  limits: campaignLimitsInput,
  schedule: campaignScheduleInput,
  recentContactDays: z.number().int().min(0).max(365).default(7),
  thresholds: campaignThresholdsInput.default({ failureRate: 0.2, optOutRate: 0.05, minSample: 20 }),
});

export const campaignIdInput = z.object({ campaignId: z.uuid() });

/** What the wizard's audience count and sample depend on. */
export const previewAudienceInput = z.object({
  audience: campaignAudienceInput,
  legalBasis: z.enum(legalBases).default("consent"),
});

/** What the pace and finish estimate depend on: a campaign's settings before it is saved. */
export const estimateCampaignPaceInput = saveCampaignInput.pick({
  legalBasis: true,
  audience: true,
  instanceIds: true,
  limits: true,
  schedule: true,
});

export const previewTemplateInput = z.object({
  body: z.string().max(4096),
  contactIds: z.array(z.uuid()).max(5).default([]),
});

/** Why a running campaign paused itself (codes with their numbers; the UI words them). */
export const campaignPauseReasons = ["failure_rate", "opt_out_rate", "all_instances_down", "sending_spike"] as const;
export const campaignPauseSchema = z.object({
  reason: z.enum(campaignPauseReasons),
  params: messageParamsSchema,
});
export type CampaignPause = z.infer<typeof campaignPauseSchema>;
