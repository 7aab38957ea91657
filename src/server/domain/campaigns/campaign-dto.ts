import type { Prisma } from "../../db/client";
import type { SendSchedule } from "./send-window";

export interface CampaignLimits {
  perMinute: number;
  perHour: number;
  perDay: number;
  minIntervalSeconds: number;
  maxIntervalSeconds: number;
}

export interface CampaignThresholds {
  failureRate: number;
  optOutRate: number;
  minSample: number;
}

export interface CampaignVariant {
  body: string;
  media?: { key: string; mimeType: string; fileName: string; size: number } | null;
}

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
  launchedAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CampaignSelect;

type CampaignRow = Prisma.CampaignGetPayload<{ select: typeof campaignSelect }>;

export function campaignDto(row: CampaignRow) {
  return {
    ...row,
    variants: row.variants as unknown as CampaignVariant[],
    limits: row.limits as unknown as CampaignLimits,
    schedule: row.schedule as unknown as SendSchedule,
    thresholds: row.thresholds as unknown as CampaignThresholds,
    launchedAt: row.launchedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CampaignDto = ReturnType<typeof campaignDto>;
