import { randomToken, sha256Hex } from "../../crypto/secret-box";
import { withOrganization } from "../../db/tenant";
import { whatsappProvider } from "../../whatsapp";
import { evolutionServer, instanceWebhookUrl, WEBHOOK_SECRET_HEADER } from "./evolution-server";
import { recordInstanceEvent } from "./record-instance-event";
import { WEBHOOK_EVENTS } from "./webhook-events";

/**
 * Re-registers an instance's webhook at Evolution when the URL Mirage expects changed (APP_URL or
 * WEBHOOK_BASE_URL moved), with a fresh secret: only its hash is kept, so it cannot be re-sent.
 */
export async function ensureInstanceWebhook(instance: {
  id: string;
  organizationId: string;
  providerName: string;
  webhookUrl: string | null;
}): Promise<boolean> {
  const url = instanceWebhookUrl(instance.organizationId, instance.id);
  if (instance.webhookUrl === url) return false;
  const secret = randomToken();
  await whatsappProvider().setWebhook(evolutionServer(), instance.providerName, {
    url,
    headers: { [WEBHOOK_SECRET_HEADER]: secret },
    enabled: true,
    events: WEBHOOK_EVENTS,
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
