/** The Evolution webhook events a Mirage instance subscribes to (everything the provider events come from). */
export const webhookEventNames = [
  "QRCODE_UPDATED",
  "CONNECTION_UPDATE",
  "LOGOUT_INSTANCE",
  "MESSAGES_UPSERT",
  "MESSAGES_EDITED",
  "MESSAGES_UPDATE",
  "MESSAGES_DELETE",
  "SEND_MESSAGE",
  "CONTACTS_UPSERT",
  "CONTACTS_UPDATE",
] as const;

export type WebhookEventName = (typeof webhookEventNames)[number];
