import type { WebhookEventName } from "../../whatsapp/provider";

/** Everything Mirage asks Evolution to deliver for each instance. */
export const WEBHOOK_EVENTS: WebhookEventName[] = [
  "QRCODE_UPDATED",
  "CONNECTION_UPDATE",
  "LOGOUT_INSTANCE",
  "MESSAGES_UPSERT",
  "MESSAGES_UPDATE",
  "MESSAGES_DELETE",
  "SEND_MESSAGE",
  "CONTACTS_UPSERT",
];
