import type { Prisma } from "../../db/client";
import { CampaignStatus, LegalBasis } from "../../db/generated/enums";
import { z } from "../../../shared/zod";
import { campaignPauseSchema } from "../../../shared/schemas/campaigns";
import {
  campaignAudienceSchema,
  campaignColumn,
  campaignLimitsSchema,
  campaignThresholdsSchema,
  campaignVariantsSchema,
  sendScheduleSchema,
} from "./campaign-settings-schema";

export type { CampaignLimits, CampaignThresholds, CampaignVariant } from "./campaign-settings-schema";

export const campaignSelect = {
  id: true,
  name: true,
  status: true,
  legalBasis: true,
  audience: true,
  variants: true,
  instanceIds: true,
  limits: true,
  schedule: true,
  recentContactDays: true,
  thresholds: true,
  pauseReason: true,
  pauseParams: true,
  launchedAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CampaignSelect;

type CampaignRow = Prisma.CampaignGetPayload<{ select: typeof campaignSelect }>;

/** A campaign as the browser sees it: its settings parsed, its times as ISO strings. */
export const campaignOutput = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CampaignStatus),
  legalBasis: z.enum(LegalBasis),
  audience: campaignAudienceSchema,
  variants: campaignVariantsSchema,
  instanceIds: z.array(z.string()),
  limits: campaignLimitsSchema,
  schedule: sendScheduleSchema,
  recentContactDays: z.number(),
  thresholds: campaignThresholdsSchema,
  /** Why the campaign paused itself; null when it runs or a person paused it. */
  pause: campaignPauseSchema.nullable(),
  launchedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignDto = z.infer<typeof campaignOutput>;

export function campaignDto(row: CampaignRow): CampaignDto {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    legalBasis: row.legalBasis,
    audience: campaignColumn(row, "audience"),
    variants: campaignColumn(row, "variants"),
    instanceIds: row.instanceIds,
    limits: campaignColumn(row, "limits"),
    schedule: campaignColumn(row, "schedule"),
    recentContactDays: row.recentContactDays,
    thresholds: campaignColumn(row, "thresholds"),
    pause: row.pauseReason
      ? campaignPauseSchema.parse({ reason: row.pauseReason, params: campaignColumn(row, "pauseParams") })
      : null,
    launchedAt: row.launchedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
