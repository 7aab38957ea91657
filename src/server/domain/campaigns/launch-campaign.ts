import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { scheduleForOrganization } from "../../jobs/enqueue";
import { logger } from "../../logger";
import { phoneAddress, whatsappProviderFor } from "../../whatsapp";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { audienceWhere } from "./campaign-audience";
import { campaignColumn } from "./campaign-settings-schema";
import { startCampaignDispatch } from "./continue-campaign-dispatch";
import { emitCampaignUpdated } from "./emit-campaign-updated";
import { exclusionFor, type ExclusionReason } from "./recipient-eligibility";
import type { launchCampaignOutput } from "./campaign-outputs";
import type { z } from "../../../shared/zod";

export type PreflightReport = z.infer<typeof launchCampaignOutput>;

const CHECK_CHUNK = 100;
const INSERT_CHUNK = 1000;

/**
 * Freezes the audience: one recipient row per contact (unique per campaign), eligible ones pending,
 * the others excluded with the reason, and reports the preflight. Each contact keeps the number it
 * already talks to when that number is in the campaign. Launching twice is refused.
 */
export async function launchCampaign(actor: Actor, input: { campaignId: string }): Promise<PreflightReport> {
  const { organizationId } = actor;
  const plan = await withOrganization(organizationId, async (tx) => {
    const campaign = await tx.campaign.findFirst({ where: { id: input.campaignId, organizationId } });
    if (!campaign) throw new AppError("NOT_FOUND", "campaignNotFound");
    if (campaign.status !== "draft") throw new AppError("CONFLICT", "campaignAlreadyLaunched");
    const audience = campaignColumn(campaign, "audience");
    const contacts = await tx.contact.findMany({
      where: audienceWhere(organizationId, audience),
      select: { id: true, phoneE164: true, consentStatus: true, blockedAt: true },
      orderBy: { id: "asc" },
    });
    const recentlyContacted = new Set(
      campaign.recentContactDays > 0
        ? (
            await tx.campaignRecipient.findMany({
              where: {
                campaignId: { not: campaign.id },
                sentAt: { gte: new Date(Date.now() - campaign.recentContactDays * 86_400_000) },
              },
              select: { contactId: true },
              distinct: ["contactId"],
            })
          ).map((r) => r.contactId)
        : [],
    );
    const preferred = new Map(
      (
        await tx.conversation.findMany({
          where: { instanceId: { in: campaign.instanceIds }, kind: "direct", contactId: { not: null } },
          orderBy: { lastActivityAt: "asc" },
          select: { contactId: true, instanceId: true },
        })
      ).map((c) => [c.contactId!, c.instanceId]),
    );
    const openInstance = await tx.instance.findFirst({
      where: { id: { in: campaign.instanceIds }, state: "open" },
      select: { provider: true, providerName: true },
    });
    return { campaign, audience, contacts, recentlyContacted, preferred, openInstance };
  });

  const { campaign, audience, contacts } = plan;
  const reasons = new Map<string, ExclusionReason>();
  const seenPhones = new Set<string>();
  for (const contact of contacts) {
    const reason =
      exclusionFor(contact, { legalBasis: campaign.legalBasis, requireOptIn: audience.consent === "opted_in" }) ??
      (plan.recentlyContacted.has(contact.id) ? "recently_contacted" : null) ??
      (seenPhones.has(contact.phoneE164!) ? "duplicate" : null);
    if (reason) reasons.set(contact.id, reason);
    else seenPhones.add(contact.phoneE164!);
  }

  // Ask WhatsApp which numbers exist, through a connected number of the campaign.
  let numbersChecked = false;
  if (plan.openInstance) {
    const candidates = contacts.filter((c) => !reasons.has(c.id));
    try {
      for (let i = 0; i < candidates.length; i += CHECK_CHUNK) {
        const chunk = candidates.slice(i, i + CHECK_CHUNK);
        const results = await whatsappProviderFor(plan.openInstance).checkNumbers(
          plan.openInstance.providerName,
          chunk.map((c) => phoneAddress(c.phoneE164!)),
        );
        const missing = new Set(results.filter((r) => !r.exists).map((r) => r.input.replace(/\D/g, "")));
        for (const contact of chunk)
          if (missing.has(phoneAddress(contact.phoneE164!))) reasons.set(contact.id, "not_on_whatsapp");
      }
      numbersChecked = true;
    } catch (error) {
      // Not knowing is not a reason to exclude: a send to a missing number fails on its own, with the reason.
      logger.warn({ err: error, campaignId: campaign.id }, "number check failed at launch");
    }
  }

  const variants = campaignColumn(campaign, "variants").length;
  let eligibleIndex = 0;
  const rows = contacts.map((contact) => {
    const reason = reasons.get(contact.id) ?? null;
    return {
      organizationId,
      campaignId: campaign.id,
      contactId: contact.id,
      instanceId: reason ? null : (plan.preferred.get(contact.id) ?? null),
      variant: reason ? 0 : eligibleIndex++ % variants,
      status: reason ? ("excluded" as const) : ("pending" as const),
      reason,
    };
  });

  await withOrganization(
    organizationId,
    async (tx) => {
      const locked = await tx.$queryRaw<{ status: string }[]>`
        SELECT status FROM campaigns WHERE id = ${campaign.id}::uuid FOR UPDATE`;
      if (locked[0]?.status !== "draft") throw new AppError("CONFLICT", "campaignAlreadyLaunched");
      for (let i = 0; i < rows.length; i += INSERT_CHUNK)
        await tx.campaignRecipient.createMany({ data: rows.slice(i, i + INSERT_CHUNK), skipDuplicates: true });
      const startsNow = new Date(campaignColumn(campaign, "schedule").startAt) <= new Date();
      await tx.campaign.update({
        where: { id: campaign.id },
        data: { status: startsNow ? "running" : "scheduled", launchedAt: new Date() },
      });
      await recordAudit(tx, {
        organizationId,
        actorUserId: actor.userId,
        action: "campaign.launched",
        targetType: "campaign",
        targetId: campaign.id,
        metadata: { audience: contacts.length, eligible: eligibleIndex, legalBasis: campaign.legalBasis },
      });
    },
    { timeoutMs: 120_000 },
  );
  await scheduleForOrganization("campaigns.dispatch", organizationId);
  await startCampaignDispatch(organizationId);
  await emitCampaignUpdated(organizationId, campaign.id);

  const excluded: PreflightReport["excluded"] = {};
  for (const reason of reasons.values()) excluded[reason] = (excluded[reason] ?? 0) + 1;
  return { audience: contacts.length, eligible: eligibleIndex, excluded, numbersChecked };
}
