import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import type { z } from "../../../shared/zod";
import type { saveAutoReplySettingsInput } from "../../../shared/schemas/ai-replies";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import type { autoReplySettingsOutput } from "./ai-replies-outputs";

export type AutoReplySettingsDto = z.infer<typeof autoReplySettingsOutput>;

const select = {
  instanceId: true,
  enabled: true,
  mode: true,
  maxRepliesPerConversation: true,
  draftMode: true,
  businessStartMinute: true,
  businessEndMinute: true,
  businessDays: true,
  blockedTopics: true,
  handoffKeywords: true,
  minConfidence: true,
} as const;

/** A number's automatic replies; a number never configured has them off (the table's defaults). */
export async function getAutoReplySettings(actor: Actor, input: { instanceId: string }): Promise<AutoReplySettingsDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const instance = await tx.instance.findFirst({
      where: { id: input.instanceId, organizationId: actor.organizationId },
      select: { id: true, autoReplySettings: { select } },
    });
    if (!instance) throw new AppError("NOT_FOUND", "instanceNotFound");
    return instance.autoReplySettings ?? defaultsFor(instance.id);
  });
}

export async function saveAutoReplySettings(
  actor: Actor,
  input: z.infer<typeof saveAutoReplySettingsInput>,
): Promise<AutoReplySettingsDto> {
  const { instanceId, ...data } = input;
  return withOrganization(actor.organizationId, async (tx) => {
    const instance = await tx.instance.findFirst({
      where: { id: instanceId, organizationId: actor.organizationId },
      select: { id: true },
    });
    if (!instance) throw new AppError("NOT_FOUND", "instanceNotFound");
    const saved = await tx.aiAutoReplySettings.upsert({
      where: { instanceId },
      create: { instanceId, organizationId: actor.organizationId, ...data },
      update: data,
      select,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "ai_auto_reply.settings_saved",
      targetType: "instance",
      targetId: instanceId,
      metadata: { ...data },
    });
    return saved;
  });
}

function defaultsFor(instanceId: string): AutoReplySettingsDto {
  return {
    instanceId,
    enabled: false,
    mode: "outside_business_hours",
    maxRepliesPerConversation: 3,
    draftMode: false,
    businessStartMinute: 540,
    businessEndMinute: 1080,
    businessDays: [1, 2, 3, 4, 5],
    blockedTopics: [],
    handoffKeywords: ["atendente", "humano", "pessoa"],
    minConfidence: 0.7,
  };
}
