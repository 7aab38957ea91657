import { env } from "../../../env";

export const WEBHOOK_SECRET_HEADER = "x-mirage-webhook-secret";

/** The URL an instance's provider POSTs its events to (one intake route per provider kind). */
export function instanceWebhookUrl(instance: { provider: string; organizationId: string; id: string }): string {
  return `${env().webhookBaseUrl}/api/webhooks/${instance.provider}/${instance.organizationId}/${instance.id}`;
}
