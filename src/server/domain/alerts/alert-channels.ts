import { env } from "../../../env";
import { encryptSecret, randomToken } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { blockedAlertWebhookAddress } from "./post-alert-webhook";
import { alertEmailAvailable } from "./send-alert-email";

export interface AlertChannelsDto {
  emailRecipients: string[];
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  emailAvailable: boolean;
}

export async function getAlertChannels(actor: Actor): Promise<AlertChannelsDto> {
  const row = await withOrganization(actor.organizationId, (tx) =>
    tx.alertChannels.findUnique({ where: { organizationId: actor.organizationId } }),
  );
  return {
    emailRecipients: row?.emailRecipients ?? [],
    webhookUrl: row?.webhookUrl ?? null,
    hasWebhookSecret: Boolean(row?.webhookSecretEncrypted),
    emailAvailable: alertEmailAvailable(),
  };
}

/**
 * Saves where alerts go. A webhook gets its signing secret when it first gets a URL (shown once, then only
 * used to sign); a URL that reaches a private address is refused unless listed (SSRF).
 */
export async function saveAlertChannels(
  actor: Actor,
  input: { emailRecipients: string[]; webhookUrl: string | null },
): Promise<AlertChannelsDto & { newWebhookSecret: string | null }> {
  if (input.webhookUrl && (await blockedAlertWebhookAddress(input.webhookUrl)))
    throw new AppError("BAD_REQUEST", "alertWebhookAddressBlocked", {
      fieldErrors: { webhookUrl: [{ reason: "alertWebhookAddressBlocked" }] },
    });
  return withOrganization(actor.organizationId, async (tx) => {
    const existing = await tx.alertChannels.findUnique({ where: { organizationId: actor.organizationId } });
    const newWebhookSecret = input.webhookUrl && !existing?.webhookSecretEncrypted ? randomToken(32) : null;
    const secret = newWebhookSecret
      ? { webhookSecretEncrypted: encryptSecret(newWebhookSecret, env().ENCRYPTION_KEY) }
      : input.webhookUrl
        ? {}
        : { webhookSecretEncrypted: null };
    const row = await tx.alertChannels.upsert({
      where: { organizationId: actor.organizationId },
      create: { organizationId: actor.organizationId, ...input, ...secret },
      update: { ...input, ...secret },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "alert_channels.saved",
      targetType: "alert_channels",
      metadata: { emailRecipients: input.emailRecipients.length, webhookUrl: input.webhookUrl },
    });
    return {
      emailRecipients: row.emailRecipients,
      webhookUrl: row.webhookUrl,
      hasWebhookSecret: Boolean(row.webhookSecretEncrypted),
      emailAvailable: alertEmailAvailable(),
      newWebhookSecret,
    };
  });
}
