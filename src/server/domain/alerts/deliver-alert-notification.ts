import { env } from "../../../env";
import { decryptSecret } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { postAlertWebhook } from "./post-alert-webhook";
import { sendAlertEmail } from "./send-alert-email";
import { wordAlertNotification } from "./word-alert-notification";

/** Delivers one notification on one channel; a notification or channel removed since is skipped. */
export async function deliverAlertNotification(input: {
  organizationId: string;
  notificationId: string;
  channel: "email" | "webhook";
}): Promise<void> {
  const loaded = await withOrganization(input.organizationId, async (tx) => ({
    notification: await tx.alertNotification.findFirst({
      where: { id: input.notificationId, organizationId: input.organizationId },
    }),
    channels: await tx.alertChannels.findUnique({ where: { organizationId: input.organizationId } }),
    organization: await tx.organization.findUniqueOrThrow({
      where: { id: input.organizationId },
      select: { locale: true, timezone: true },
    }),
  }));
  const { notification, channels, organization } = loaded;
  if (!notification || !channels) return;
  const params = notification.params as Record<string, string | number>;
  const worded = wordAlertNotification(organization, { ...notification, params });
  if (input.channel === "email") return sendAlertEmail(channels.emailRecipients, worded);
  if (!channels.webhookUrl || !channels.webhookSecretEncrypted) return;
  await postAlertWebhook(
    { url: channels.webhookUrl, secret: decryptSecret(channels.webhookSecretEncrypted, env().ENCRYPTION_KEY) },
    {
      text: worded.text,
      id: notification.id,
      kind: notification.kind,
      transition: notification.transition,
      subject: notification.subject,
      params,
      occurredAt: notification.occurredAt.toISOString(),
    },
  );
}
