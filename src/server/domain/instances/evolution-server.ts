import { env } from "../../../env";
import type { ProviderServer } from "../../whatsapp/provider";

/** The Evolution API server instances live on (one per deployment, from settings). */
export function evolutionServer(): ProviderServer {
  const { evolution } = env();
  return { id: "default", baseUrl: evolution.url, apiKey: evolution.apiKey };
}

export const WEBHOOK_SECRET_HEADER = "x-mirage-webhook-secret";

/** The URL Evolution POSTs an instance's events to. */
export function instanceWebhookUrl(organizationId: string, instanceId: string): string {
  return `${env().webhookBaseUrl}/api/webhooks/evolution/${organizationId}/${instanceId}`;
}
