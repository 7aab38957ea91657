import { withOrganization } from "../../db/tenant";
import { logger } from "../../logger";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { ensureAiPurgeSchedule } from "./ensure-ai-purge-schedule";

export interface AiSettingsInput {
  monthlyBudget: number | null;
  currency: string;
  externalTransfer: boolean;
  redactPersonalData: boolean;
  logRetentionDays: number;
}

/**
 * Budget, currency, the "enviar dados a provedor externo" switch, redaction and log retention. Turning the
 * transfer on is audited as the admin's acceptance of the international-transfer notice. Saving the same
 * values again changes nothing and audits nothing.
 */
export async function saveAiSettings(actor: Actor, input: AiSettingsInput): Promise<void> {
  await withOrganization(actor.organizationId, async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({
      where: { id: actor.organizationId },
      select: {
        aiMonthlyBudget: true,
        currency: true,
        aiExternalTransfer: true,
        aiRedactPersonalData: true,
        aiLogRetentionDays: true,
      },
    });
    const previous: AiSettingsInput = {
      monthlyBudget: before.aiMonthlyBudget === null ? null : Number(before.aiMonthlyBudget),
      currency: before.currency,
      externalTransfer: before.aiExternalTransfer,
      redactPersonalData: before.aiRedactPersonalData,
      logRetentionDays: before.aiLogRetentionDays,
    };
    if (JSON.stringify(previous) === JSON.stringify(input)) return;
    await tx.organization.update({
      where: { id: actor.organizationId },
      data: {
        aiMonthlyBudget: input.monthlyBudget,
        currency: input.currency,
        aiExternalTransfer: input.externalTransfer,
        aiRedactPersonalData: input.redactPersonalData,
        aiLogRetentionDays: input.logRetentionDays,
      },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "ai_settings.saved",
      targetType: "organization",
      targetId: actor.organizationId,
      metadata: {
        before: { ...previous },
        after: { ...input },
        transferNoticeAccepted: input.externalTransfer && !previous.externalTransfer,
      },
    });
  });
  await ensureAiPurgeSchedule(actor.organizationId).catch((error) =>
    logger.warn({ err: error }, "AI call log purge schedule not created"),
  );
}
