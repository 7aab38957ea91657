import { z } from "zod";
import {
  campaignAudienceInput,
  campaignIdInput,
  previewTemplateInput,
  saveCampaignInput,
} from "../../../shared/schemas/campaigns";
import { getCampaignReport } from "../../domain/campaigns/campaign-report";
import { controlCampaign } from "../../domain/campaigns/control-campaign";
import { launchCampaign } from "../../domain/campaigns/launch-campaign";
import { listCampaigns } from "../../domain/campaigns/list-campaigns";
import { previewAudience, previewTemplate } from "../../domain/campaigns/preview-campaign";
import { saveCampaign } from "../../domain/campaigns/save-campaign";
import { adminProcedure, organizationProcedure, router } from "../trpc";

export const campaignsRouter = router({
  list: organizationProcedure.query(({ ctx }) => listCampaigns(ctx.actor)),
  report: organizationProcedure.input(campaignIdInput).query(({ ctx, input }) => getCampaignReport(ctx.actor, input)),
  save: adminProcedure.input(saveCampaignInput).mutation(({ ctx, input }) => saveCampaign(ctx.actor, input)),
  previewAudience: organizationProcedure
    .input(z.object({ audience: campaignAudienceInput }))
    .query(({ ctx, input }) => previewAudience(ctx.actor, input)),
  previewTemplate: organizationProcedure
    .input(previewTemplateInput)
    .query(({ ctx, input }) => previewTemplate(ctx.actor, input)),
  launch: adminProcedure.input(campaignIdInput).mutation(({ ctx, input }) => launchCampaign(ctx.actor, input)),
  control: adminProcedure
    .input(campaignIdInput.extend({ action: z.enum(["pause", "resume", "cancel"]) }))
    .mutation(({ ctx, input }) => controlCampaign(ctx.actor, input)),
});
