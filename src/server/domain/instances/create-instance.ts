import { randomBytes, randomUUID } from "node:crypto";
import { env } from "../../../env";
import { encryptSecret, randomToken, sha256Hex } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { DEFAULT_PROVIDER_KIND, whatsappProviderOfKind } from "../../whatsapp";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { ensureAiPurgeSchedule } from "../ai/ensure-ai-purge-schedule";
import { ensureRollupSchedule } from "../analytics/ensure-rollup-schedule";
import { ensureWatchdogSchedule } from "./ensure-watchdog-schedule";
import { instanceWebhookUrl, WEBHOOK_SECRET_HEADER } from "./instance-webhook";
import { toInstanceDto, type InstanceDto } from "./instance-dto";
import { recordInstanceEvent } from "./record-instance-event";

export interface CreateInstanceInput {
  name: string;
  description?: string;
  purpose: "atendimento" | "campanhas";
  dailySendLimit: number;
  /** The provider kind to create it on; the configured default when absent. */
  provider?: string;
}

/**
 * Registers a number: the row first (so the webhook URL can name it), then the instance at Evolution
 * with its webhook and a per-instance secret header. If Evolution refuses, the row is removed again.
 */
export async function createInstance(actor: Actor, input: CreateInstanceInput): Promise<InstanceDto> {
  const id = randomUUID();
  const provider = whatsappProviderOfKind(input.provider ?? DEFAULT_PROVIDER_KIND);
  const providerName = `mirage-${randomBytes(6).toString("hex")}`;
  const webhookSecret = randomToken();
  const row = await withOrganization(actor.organizationId, async (tx) => {
    const taken = await tx.instance.findFirst({ where: { organizationId: actor.organizationId, name: input.name } });
    if (taken) {
      throw new AppError("CONFLICT", "instanceNameTaken", {
        fieldErrors: { name: [{ reason: "instanceNameTaken" }] },
      });
    }
    return tx.instance.create({
      data: {
        id,
        organizationId: actor.organizationId,
        name: input.name,
        description: input.description || null,
        purpose: input.purpose,
        dailySendLimit: input.dailySendLimit,
        provider: provider.kind,
        providerName,
        webhookSecretHash: sha256Hex(webhookSecret),
      },
    });
  });

  const webhookUrl = instanceWebhookUrl(row);
  try {
    const created = await provider.createInstance({
      name: providerName,
      webhook: { url: webhookUrl, headers: { [WEBHOOK_SECRET_HEADER]: webhookSecret } },
    });
    const updated = await withOrganization(actor.organizationId, async (tx) => {
      const saved = await tx.instance.update({
        where: { id },
        data: {
          webhookUrl,
          providerInstanceId: created.externalId,
          tokenEncrypted: encryptSecret(created.token, env().ENCRYPTION_KEY),
        },
      });
      await recordInstanceEvent(tx, {
        organizationId: actor.organizationId,
        instanceId: id,
        kind: "created",
        state: "close",
        actorUserId: actor.userId,
      });
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        action: "instance.created",
        targetType: "instance",
        targetId: id,
        metadata: { name: input.name, purpose: input.purpose, dailySendLimit: input.dailySendLimit },
      });
      return saved;
    });
    // After the commit and outside the rollback: a failure here is retried by the next creation.
    await ensureWatchdogSchedule(actor.organizationId).catch((error) =>
      logger.warn({ err: error }, "watchdog schedule not created"),
    );
    await ensureRollupSchedule(actor.organizationId).catch((error) =>
      logger.warn({ err: error }, "analytics rollup schedule not created"),
    );
    // Every inbound text is classified and logged from now on: the log needs its retention purge.
    await ensureAiPurgeSchedule(actor.organizationId).catch((error) =>
      logger.warn({ err: error }, "AI call log purge schedule not created"),
    );
    return toInstanceDto(updated);
  } catch (error) {
    // Undo both sides; Evolution may have created the instance even if its answer was lost.
    await provider.deleteInstance(providerName).catch(() => undefined);
    await withOrganization(actor.organizationId, (tx) => tx.instance.deleteMany({ where: { id: row.id } })).catch(
      () => undefined,
    );
    throw error;
  }
}
