/**
 * The provider port: what Mirage needs from a WhatsApp gateway, in Mirage's own terms. Only
 * `whatsapp/evolution/` knows Evolution API's wire format; domain code sees these types.
 */
import type { DisconnectReason } from "../../shared/instance-reasons";

export type { DisconnectReason };

export type ConnectionState = "open" | "connecting" | "close" | "refused";

/**
 * Where a chat is reached, in Mirage's terms, as stored on a conversation: a phone number's E.164 digits
 * without "+" (`5511987654321`) for a chat with a known number, otherwise the provider's opaque id for the
 * chat (a privacy id, a group). Domain code never looks inside an opaque id; only the provider does.
 */
export type ChatAddress = string;

/** What a phone address looks like, as a POSIX regular expression (also used in SQL: `address ~ pattern`). */
export const PHONE_ADDRESS_PATTERN = "^[0-9]+$";
const PHONE_ADDRESS = new RegExp(PHONE_ADDRESS_PATTERN);

/** Whether an address is a phone number (E.164 digits) rather than a provider's opaque chat id. */
export function isPhoneAddress(address: ChatAddress): boolean {
  return PHONE_ADDRESS.test(address);
}

/** The address of a phone number given in E.164 (`+5511987654321` → `5511987654321`). */
export function phoneAddress(phoneE164: string): ChatAddress {
  return phoneE164.replace(/^\+/, "");
}

export interface CreateInstanceInput {
  /** Unique name at the gateway (Mirage uses a generated, URL-safe name). */
  name: string;
  /** Where the provider delivers this instance's events; which events is the provider's business. */
  webhook: { url: string; headers: Record<string, string> };
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
  /** Why the provider last saw the connection drop, when it says. */
  disconnectReason: DisconnectReason | null;
}

export interface WebhookConfig {
  url: string;
  headers: Record<string, string>;
  enabled: boolean;
}

export interface SendTextInput {
  instanceName: string;
  to: ChatAddress;
  text: string;
  /** Provider message id being replied to, if any. */
  quotedMessageId?: string;
}

export interface SendMediaInput {
  instanceName: string;
  to: ChatAddress;
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
  /** The chat the provider actually used (may differ from the input, e.g. Brazil's 9th digit). */
  chat: ChatAddress;
  status: DeliveryStatus;
  timestamp: Date;
}

export interface NumberCheck {
  input: string;
  exists: boolean;
  chat: ChatAddress;
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
  chat: ChatAddress;
  fromMe: boolean;
  status: DeliveryStatus | null;
  timestamp: Date;
}

/**
 * One WhatsApp provider as the domain uses it, already bound to where it is reached (its server, its
 * credentials): the domain gets one from the registry (`whatsapp/index.ts`) and never sees either.
 */
export interface WhatsAppProvider {
  /** The registry's name for this provider, stored on each instance (`instances.provider`). */
  readonly kind: string;
  createInstance(input: CreateInstanceInput): Promise<CreatedInstance>;
  /** Starts pairing: a QR (or pairing code when `phoneNumber` is given), or `open` if already connected. */
  connect(instanceName: string, options?: { phoneNumber?: string }): Promise<ConnectResult>;
  connectionState(instanceName: string): Promise<ConnectionState>;
  fetchInstances(): Promise<RemoteInstance[]>;
  restart(instanceName: string): Promise<void>;
  logout(instanceName: string): Promise<void>;
  deleteInstance(instanceName: string): Promise<void>;
  setWebhook(instanceName: string, webhook: WebhookConfig): Promise<void>;
  findWebhook(instanceName: string): Promise<WebhookConfig | null>;
  sendText(input: SendTextInput): Promise<SentMessage>;
  sendMedia(input: SendMediaInput): Promise<SentMessage>;
  /** Which phone numbers (E.164 digits, without "+") are on WhatsApp, and their chat addresses. */
  checkNumbers(instanceName: string, numbers: string[]): Promise<NumberCheck[]>;
  findMessages(
    instanceName: string,
    query: { chat?: ChatAddress; providerMessageId?: string; page?: number; pageSize?: number },
  ): Promise<FoundMessage[]>;
  getMedia(instanceName: string, providerMessageId: string): Promise<MediaContent>;
  markAsRead(
    instanceName: string,
    messages: { chat: ChatAddress; providerMessageId: string; fromMe: boolean }[],
  ): Promise<void>;
  /** The circuit state of the provider's server, for the UI and /api/health/ready. */
  circuitState(): CircuitState;
  /** Reads one webhook delivery; throws a VALIDATION AppError for a body that is not the provider's. */
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

/** A chat as the provider reported it. `address` is where the provider said the chat is. */
export type ChatRef =
  | {
      kind: "direct";
      address: ChatAddress;
      /** E.164 digits without "+" when the provider told the phone. */
      phone: string | null;
      /** WhatsApp's privacy id (LID), opaque, when the provider told it. */
      lid: string | null;
    }
  | { kind: "group"; address: ChatAddress };

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
      kind: "connection.changed";
      instanceName: string;
      state: ConnectionState;
      reason: DisconnectReason | null;
      phoneNumber: string | null;
      profileName: string | null;
      profilePictureUrl: string | null;
    }
  | { kind: "qr.updated"; instanceName: string; qr: QrCode }
  /** The session ended for good (logged out on the phone or by Mirage): it needs a new pairing. */
  | { kind: "session.logged_out"; instanceName: string }
  | { kind: "message.received"; instanceName: string; message: ProviderMessage }
  | {
      kind: "message.reaction";
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
      kind: "message.edited";
      instanceName: string;
      targetProviderMessageId: string;
      chat: ChatRef;
      text: string;
      timestamp: Date;
    }
  | { kind: "message.revoked"; instanceName: string; targetProviderMessageId: string; chat: ChatRef | null }
  | {
      kind: "message.status";
      instanceName: string;
      providerMessageId: string;
      chat: ChatAddress | null;
      fromMe: boolean;
      status: DeliveryStatus;
    }
  | {
      kind: "contact.updated";
      instanceName: string;
      person: PersonRef;
      profilePictureUrl: string | null;
    }
  /** An event Mirage does not act on; `event` is the provider's name for it, kept for the delivery's note. */
  | { kind: "unsupported"; instanceName: string; event: string };

/** A webhook delivery after parsing: its idempotency key and what it means. */
export interface ParsedWebhook {
  /** The provider's own name of the delivery's event, stored with the raw delivery (opaque to the domain). */
  event: string;
  instanceName: string;
  /** Unique per logical event: a redelivery of the same event gives the same key. */
  dedupeKey: string;
  occurredAt: Date;
  /**
   * The provider's own emission time, good only for ordering events of one server (it may be local
   * time labelled UTC): an older connection event must not undo a newer one.
   */
  sequenceAt: Date | null;
  events: ProviderEvent[];
}
