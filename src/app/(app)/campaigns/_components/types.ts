import type { RouterOutputs } from "~/trpc/types";

type Campaigns = RouterOutputs["campaigns"];

export type CampaignDto = Campaigns["save"];
export type CampaignReport = Campaigns["report"];
export type PreflightReport = Campaigns["launch"];
export type CampaignPaceEstimate = Campaigns["estimatePace"];
export type CampaignStatus = CampaignDto["status"];
export type SendSchedule = CampaignDto["schedule"];
export type { UploadedFile } from "../../inbox/_components/use-attachment-upload";
