import { webhookEventNames, type WebhookEventName } from "../../whatsapp/provider";

/** Everything Mirage asks Evolution to deliver for each instance (connection now; messages for the inbox). */
export const WEBHOOK_EVENTS: WebhookEventName[] = [...webhookEventNames];
