/** Event names: UPPER_SNAKE in webhook config (`EventController.events`), dotted lower-case on the wire (`Events`). */

export const WEBHOOK_CONFIG_EVENTS = [
  "APPLICATION_STARTUP",
  "QRCODE_UPDATED",
  "MESSAGES_SET",
  "MESSAGES_UPSERT",
  "MESSAGES_EDITED",
  "MESSAGES_UPDATE",
  "MESSAGES_DELETE",
  "SEND_MESSAGE",
  "SEND_MESSAGE_UPDATE",
  "CONTACTS_SET",
  "CONTACTS_UPSERT",
  "CONTACTS_UPDATE",
  "PRESENCE_UPDATE",
  "CHATS_SET",
  "CHATS_UPSERT",
  "CHATS_UPDATE",
  "CHATS_DELETE",
  "GROUPS_UPSERT",
  "GROUP_UPDATE",
  "GROUP_PARTICIPANTS_UPDATE",
  "CONNECTION_UPDATE",
  "LABELS_EDIT",
  "LABELS_ASSOCIATION",
  "CALL",
  "TYPEBOT_START",
  "TYPEBOT_CHANGE_STATUS",
  "REMOVE_INSTANCE",
  "LOGOUT_INSTANCE",
  "INSTANCE_CREATE",
  "INSTANCE_DELETE",
  "STATUS_INSTANCE",
] as const;

/** The wire events this simulator produces. */
export type WireEvent =
  | "instance.create"
  | "instance.delete"
  | "qrcode.updated"
  | "connection.update"
  | "status.instance"
  | "messages.upsert"
  | "messages.edited"
  | "messages.update"
  | "messages.delete"
  | "send.message"
  | "contacts.upsert"
  | "contacts.update"
  | "remove.instance"
  | "logout.instance";

/** `webhook.controller.ts`: the name an event is filtered by ("messages.upsert" → "MESSAGES_UPSERT"). */
export const configNameOf = (event: string): string => event.replace(/[.-]/g, "_").toUpperCase();

/** The by-events URL suffix ("messages.upsert" → "messages-upsert"). */
export const urlSuffixOf = (event: string): string => configNameOf(event).replace(/_/g, "-").toLowerCase();
