/**
 * The provider port: what Mirage needs from a WhatsApp gateway, in Mirage's own terms. Only
 * `whatsapp/evolution/` knows Evolution API's wire format; domain code sees these types.
 */

export type ConnectionState = "open" | "connecting" | "close" | "refused";

/** Where and how the gateway is reached. `apiKey` is the gateway's global key. */
export interface ProviderServer {
  /** Stable id for the circuit breaker (one per gateway server). */
  id: string;
  baseUrl: string;
  apiKey: string;
}

export interface CreateInstanceInput {
  /** Unique name at the gateway (Mirage uses a generated, URL-safe name). */
  name: string;
  webhook: { url: string; headers: Record<string, string>; events: WebhookEventName[] };
}

export interface CreatedInstance {
  externalId: string;
  name: string;
  /** The per-instance token the gateway generated (kept encrypted by Mirage). */
  token: string;
  state: ConnectionState;
}

export interface QrCode {
  /** PNG data URL, ready for <img src>. Null when the gateway has not produced one yet. (`count` is 0 for QRs that came by webhook.) */
  dataUrl: string | null;
  /** Raw QR payload (the string encoded in the image). */
  code: string | null;
  /** 8-character pairing code when one was requested with a phone number. */
  pairingCode: string | null;
  count: number;
}

export type ConnectResult = { kind: "open" } | { kind: "qr"; qr: QrCode };

export interface RemoteInstance {
  externalId: string;
  name: string;
  state: ConnectionState;
  /** E.164 digits of the connected account, without "+". */
  phoneNumber: string | null;
  profileName: string | null;
  profilePictureUrl: string | null;
  disconnectionReasonCode: number | null;
}

export interface WebhookConfig {
  url: string;
  headers: Record<string, string>;
  enabled: boolean;
  events: WebhookEventName[];
}

/** The webhook events a Mirage instance subscribes to (gateway-neutral names). */
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

export interface SendTextInput {
  instanceName: string;
  /** Phone digits or a chat id (JID) as returned by the gateway. */
  to: string;
  text: string;
  /** Provider message id being replied to, if any. */
  quotedMessageId?: string;
}

export interface SendMediaInput {
  instanceName: string;
  to: string;
  mediaType: "image" | "video" | "audio" | "document";
  mimeType: string;
  /** Raw base64 (no data: prefix) or an http(s) URL. */
  media: string;
  fileName?: string;
  caption?: string;
}

export type DeliveryStatus = "pending" | "sent" | "delivered" | "read" | "played" | "failed";

export interface SentMessage {
  /** WhatsApp message id: correlates later status updates. */
  providerMessageId: string;
  /** Canonical chat id the gateway used (may differ from the input, e.g. Brazil's 9th digit). */
  chatId: string;
  status: DeliveryStatus;
  timestamp: Date;
}

export interface NumberCheck {
  input: string;
  exists: boolean;
  chatId: string;
  name: string | null;
}

export interface MediaContent {
  base64: string;
  mimeType: string;
  fileName: string;
  size: number | null;
}

export interface FoundMessage {
  providerMessageId: string;
  chatId: string;
  fromMe: boolean;
  status: DeliveryStatus | null;
  timestamp: Date;
}

export interface WhatsAppProvider {
  createInstance(server: ProviderServer, input: CreateInstanceInput): Promise<CreatedInstance>;
  /** Starts pairing: a QR (or pairing code when `phoneNumber` is given), or `open` if already connected. */
  connect(server: ProviderServer, instanceName: string, options?: { phoneNumber?: string }): Promise<ConnectResult>;
  connectionState(server: ProviderServer, instanceName: string): Promise<ConnectionState>;
  fetchInstances(server: ProviderServer): Promise<RemoteInstance[]>;
  restart(server: ProviderServer, instanceName: string): Promise<void>;
  logout(server: ProviderServer, instanceName: string): Promise<void>;
  deleteInstance(server: ProviderServer, instanceName: string): Promise<void>;
  setWebhook(server: ProviderServer, instanceName: string, webhook: WebhookConfig): Promise<void>;
  findWebhook(server: ProviderServer, instanceName: string): Promise<WebhookConfig | null>;
  sendText(server: ProviderServer, input: SendTextInput): Promise<SentMessage>;
  sendMedia(server: ProviderServer, input: SendMediaInput): Promise<SentMessage>;
  checkNumbers(server: ProviderServer, instanceName: string, numbers: string[]): Promise<NumberCheck[]>;
  findMessages(
    server: ProviderServer,
    instanceName: string,
    query: { chatId?: string; providerMessageId?: string; page?: number; pageSize?: number },
  ): Promise<FoundMessage[]>;
  getMedia(server: ProviderServer, instanceName: string, providerMessageId: string): Promise<MediaContent>;
  markAsRead(
    server: ProviderServer,
    instanceName: string,
    messages: { chatId: string; providerMessageId: string; fromMe: boolean }[],
  ): Promise<void>;
  /** Circuit state per server, for the UI and /api/health/ready. */
  circuitState(serverId: string): CircuitState;
  /** Reads one webhook delivery; throws a VALIDATION AppError for a body that is not the gateway's. */
  parseWebhook(body: unknown): ParsedWebhook;
  /** What a failed sendText/sendMedia means for the message (see SendFailure). */
  sendFailure(error: unknown): SendFailure;
}

/**
 * not-sent: certainly not sent (gateway unreachable, circuit open, number disconnected) — try again later;
 * rejected: refused for good (not on WhatsApp, invalid, too large) — failed, with the reason;
 * maybe-sent: the request may have gone through (timeout, 5xx, odd answer) — never re-send blindly.
 */
export type SendFailure = "not-sent" | "rejected" | "maybe-sent";

export interface CircuitState {
  state: "closed" | "open" | "half-open";
  consecutiveFailures: number;
  openedAt: Date | null;
  lastError: string | null;
}

/** A chat as the gateway names it. `chatId` is the JID to send to (kept as the gateway gave it). */
export type ChatRef =
  | {
      kind: "direct";
      chatId: string;
      /** E.164 digits without "+" when the gateway told the phone (directly or as the alternate JID). */
      phone: string | null;
      /** WhatsApp's privacy id (`<digits>@lid`) when the gateway told it. */
      lid: string | null;
    }
  | { kind: "group"; chatId: string };

/** A person: a direct chat's contact, or a group message's author. */
export interface PersonRef {
  phone: string | null;
  lid: string | null;
  /** The name the person set on WhatsApp (pushName); null for own messages. */
  name: string | null;
}

/** Media attached to a message. The bytes come with the webhook when enabled, else through `getMedia`. */
export interface MediaRef {
  mimeType: string | null;
  fileName: string | null;
  /** Size in bytes as the gateway declared it. */
  size: number | null;
  /** Raw base64 bytes (no data: prefix), when the delivery carried them. */
  base64: string | null;
}

export type MessageContent =
  | {
      type: "text";
      text: string;
      linkPreview: { url: string; title: string | null; description: string | null } | null;
    }
  | { type: "image" | "sticker"; caption: string | null; media: MediaRef }
  /** `seconds`: the length the sender's phone declared, known before (and without) the bytes. */
  | { type: "video"; caption: string | null; seconds: number | null; media: MediaRef }
  | { type: "audio"; voice: boolean; seconds: number | null; media: MediaRef }
  | { type: "document"; caption: string | null; media: MediaRef }
  | { type: "location"; latitude: number; longitude: number; name: string | null; address: string | null }
  | { type: "contact"; displayName: string; phones: string[]; vcard: string | null }
  /** A kind Mirage does not render (polls, buttons…): kept so the conversation shows something arrived. */
  | { type: "unsupported"; messageType: string };

/** A message received, sent from the phone, or echoed after an API send (`origin: "send"`). */
export interface ProviderMessage {
  providerMessageId: string;
  chat: ChatRef;
  fromMe: boolean;
  /** Who wrote it: the contact of a direct chat, the participant of a group; null when `fromMe`. */
  sender: PersonRef | null;
  timestamp: Date;
  status: DeliveryStatus | null;
  content: MessageContent;
  /** The message this one replies to. */
  quotedProviderMessageId: string | null;
  origin: "upsert" | "send";
}

/** Provider-neutral webhook events. */
export type ProviderEvent =
  | {
      kind: "connection";
      instanceName: string;
      state: ConnectionState;
      statusReason: number | null;
      phoneNumber: string | null;
      profileName: string | null;
      profilePictureUrl: string | null;
    }
  | { kind: "qrcode"; instanceName: string; qr: QrCode }
  | { kind: "logout"; instanceName: string }
  | { kind: "message"; instanceName: string; message: ProviderMessage }
  | {
      kind: "reaction";
      instanceName: string;
      /** The reaction's own id (a reaction replaces the same sender's earlier one). */
      providerMessageId: string;
      targetProviderMessageId: string;
      chat: ChatRef;
      fromMe: boolean;
      sender: PersonRef | null;
      /** Empty when the reaction was removed. */
      emoji: string;
      timestamp: Date;
    }
  | {
      kind: "edit";
      instanceName: string;
      targetProviderMessageId: string;
      chat: ChatRef;
      text: string;
      timestamp: Date;
    }
  | { kind: "revoke"; instanceName: string; targetProviderMessageId: string; chat: ChatRef | null }
  | {
      kind: "status";
      instanceName: string;
      providerMessageId: string;
      chatId: string | null;
      fromMe: boolean;
      status: DeliveryStatus;
    }
  | {
      kind: "contact";
      instanceName: string;
      person: PersonRef;
      profilePictureUrl: string | null;
    }
  | { kind: "unsupported"; instanceName: string; event: string };

/** A webhook delivery after parsing: its idempotency key and what it means. */
export interface ParsedWebhook {
  event: string;
  instanceName: string;
  /** Unique per logical event: a redelivery of the same event gives the same key. */
  dedupeKey: string;
  occurredAt: Date;
  /**
   * The gateway's own emission time, good only for ordering events of one server (Evolution's
   * `date_time` is local time labelled UTC): an older connection event must not undo a newer one.
   */
  sequenceAt: Date | null;
  events: ProviderEvent[];
}
