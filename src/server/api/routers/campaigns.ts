import { z } from "zod";
import {
  campaignIdInput,
  estimateCampaignPaceInput,
  previewAudienceInput,
  previewTemplateInput,
  saveCampaignInput,
} from "../../../shared/schemas/campaigns";
import { getCampaignReport } from "../../domain/campaigns/campaign-report";
import { controlCampaign } from "../../domain/campaigns/control-campaign";
import { estimateCampaignPace } from "../../domain/campaigns/estimate-campaign-pace";
import { launchCampaign } from "../../domain/campaigns/launch-campaign";
import { listCampaigns } from "../../domain/campaigns/list-campaigns";
import { planCampaignLaunch } from "../../domain/campaigns/plan-campaign-launch";
import { previewAudience, previewTemplate } from "../../domain/campaigns/preview-campaign";
import { saveCampaign } from "../../domain/campaigns/save-campaign";
import { adminProcedure, organizationProcedure, router } from "../trpc";

export const campaignsRouter = router({
  list: organizationProcedure.query(({ ctx }) => listCampaigns(ctx.actor)),
  report: organizationProcedure.input(campaignIdInput).query(({ ctx, input }) => getCampaignReport(ctx.actor, input)),
  save: adminProcedure.input(saveCampaignInput).mutation(({ ctx, input }) => saveCampaign(ctx.actor, input)),
  previewAudience: organizationProcedure
    .input(previewAudienceInput)
    .query(({ ctx, input }) => previewAudience(ctx.actor, input)),
  estimatePace: organizationProcedure
    .input(estimateCampaignPaceInput)
    .query(({ ctx, input }) => estimateCampaignPace(ctx.actor, input)),
  launchPlan: adminProcedure.input(campaignIdInput).query(({ ctx, input }) => planCampaignLaunch(ctx.actor, input)),
  previewTemplate: organizationProcedure
    .input(previewTemplateInput)
    .query(({ ctx, input }) => previewTemplate(ctx.actor, input)),
  launch: adminProcedure.input(campaignIdInput).mutation(({ ctx, input }) => launchCampaign(ctx.actor, input)),
  control: adminProcedure
    .input(campaignIdInput.extend({ action: z.enum(["pause", "resume", "cancel"]) }))
    .mutation(({ ctx, input }) => controlCampaign(ctx.actor, input)),
});
