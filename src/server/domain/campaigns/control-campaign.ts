import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { emitCampaignUpdated } from "./emit-campaign-updated";

type Action = "pause" | "resume" | "cancel";

const allowed: Record<Action, string[]> = {
  pause: ["running", "scheduled"],
  resume: ["paused"],
  cancel: ["draft", "scheduled", "running", "paused"],
};

/** Pause, resume or cancel. A cancelled campaign's unsent recipients are skipped with the reason. */
export async function controlCampaign(actor: Actor, input: { campaignId: string; action: Action }): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const campaign = await tx.campaign.findFirst({
      where: { id: input.campaignId, organizationId: actor.organizationId },
      select: { status: true, launchedAt: true },
    });
    if (!campaign) throw new AppError("NOT_FOUND", "campaignNotFound");
    if (!allowed[input.action].includes(campaign.status))
      throw new AppError("CONFLICT", "campaignActionNotAllowed", { params: { action: input.action } });
    const status =
      input.action === "pause"
        ? "paused"
        : input.action === "cancel"
          ? "cancelled"
          : campaign.launchedAt
            ? "running"
            : "draft";
    await tx.campaign.update({
      where: { id: input.campaignId },
      data: {
        status,
        pauseReason: null,
        pauseParams: {},
        ...(input.action === "cancel" ? { completedAt: new Date() } : {}),
      },
    });
    if (input.action === "cancel")
      await tx.campaignRecipient.updateMany({
        where: { campaignId: input.campaignId, status: "pending" },
        data: { status: "skipped", reason: "cancelled" },
      });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: auditActions[input.action],
      targetType: "campaign",
      targetId: input.campaignId,
    });
    if (input.action === "resume")
      await enqueue("campaigns.dispatch", { organizationId: actor.organizationId }, { tx });
  });
  await emitCampaignUpdated(actor.organizationId, input.campaignId);
}

const auditActions: Record<Action, string> = {
  pause: "campaign.paused",
  resume: "campaign.resumed",
  cancel: "campaign.cancelled",
};
