export type { CampaignDto } from "~/server/domain/campaigns/campaign-dto";
export type { CampaignReport } from "~/server/domain/campaigns/campaign-report";
export type { PreflightReport } from "~/server/domain/campaigns/launch-campaign";
export type { UploadedFile } from "../../inbox/_components/use-attachment-upload";

export type CampaignStatus = "draft" | "scheduled" | "running" | "paused" | "completed" | "cancelled";
export type { CampaignPaceEstimate } from "~/server/domain/campaigns/estimate-campaign-pace";
