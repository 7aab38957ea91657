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
import {
  campaignReportOutput,
  estimateCampaignPaceOutput,
  launchCampaignOutput,
  listCampaignsOutput,
  planCampaignLaunchOutput,
  previewAudienceOutput,
  previewTemplateOutput,
  saveCampaignOutput,
} from "../../domain/campaigns/campaign-outputs";

export const campaignsRouter = router({
  list: organizationProcedure.output(listCampaignsOutput).query(({ ctx }) => listCampaigns(ctx.actor)),
  report: organizationProcedure
    .input(campaignIdInput)
    .output(campaignReportOutput)
    .query(({ ctx, input }) => getCampaignReport(ctx.actor, input)),
  save: adminProcedure
    .input(saveCampaignInput)
    .output(saveCampaignOutput)
    .mutation(({ ctx, input }) => saveCampaign(ctx.actor, input)),
  previewAudience: organizationProcedure
    .input(previewAudienceInput)
    .output(previewAudienceOutput)
    .query(({ ctx, input }) => previewAudience(ctx.actor, input)),
  estimatePace: organizationProcedure
    .input(estimateCampaignPaceInput)
    .output(estimateCampaignPaceOutput)
    .query(({ ctx, input }) => estimateCampaignPace(ctx.actor, input)),
  launchPlan: adminProcedure
    .input(campaignIdInput)
    .output(planCampaignLaunchOutput)
    .query(({ ctx, input }) => planCampaignLaunch(ctx.actor, input)),
  previewTemplate: organizationProcedure
    .input(previewTemplateInput)
    .output(previewTemplateOutput)
    .query(({ ctx, input }) => previewTemplate(ctx.actor, input)),
  launch: adminProcedure
    .input(campaignIdInput)
    .output(launchCampaignOutput)
    .mutation(({ ctx, input }) => launchCampaign(ctx.actor, input)),
  control: adminProcedure
    .input(campaignIdInput.extend({ action: z.enum(["pause", "resume", "cancel"]) }))
    .output(z.void())
    .mutation(({ ctx, input }) => controlCampaign(ctx.actor, input)),
});
