import { randomToken, sha256Hex } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { whatsappProviderFor } from "../../whatsapp";
import { instanceWebhookUrl, WEBHOOK_SECRET_HEADER } from "./instance-webhook";
import { recordInstanceEvent } from "./record-instance-event";

/**
 * Re-registers an instance's webhook at its provider when the URL Mirage expects changed (APP_URL or
 * WEBHOOK_BASE_URL moved), with a fresh secret: only its hash is kept, so it cannot be re-sent.
 */
export async function ensureInstanceWebhook(instance: {
  id: string;
  organizationId: string;
  provider: string;
  providerName: string;
  webhookUrl: string | null;
}): Promise<boolean> {
  const url = instanceWebhookUrl(instance);
  if (instance.webhookUrl === url) return false;
  const secret = randomToken();
  await whatsappProviderFor(instance).setWebhook(instance.providerName, {
    url,
    headers: { [WEBHOOK_SECRET_HEADER]: secret },
    enabled: true,
  });
  await withOrganization(instance.organizationId, async (tx) => {
    await tx.instance.update({
      where: { id: instance.id },
      data: { webhookUrl: url, webhookSecretHash: sha256Hex(secret) },
    });
    await recordInstanceEvent(tx, {
      organizationId: instance.organizationId,
      instanceId: instance.id,
      kind: "watchdog_sync",
      detail: { code: "webhook_registered", params: { url } },
    });
  });
  return true;
}
