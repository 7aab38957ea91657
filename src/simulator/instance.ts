/** One simulated Evolution instance: its database rows (what survives a restart) plus the Baileys socket's memory. */

/** In-memory `stateConnection.state`; `refused` only appears in the QR-limit webhook. */
export type ConnectionState = "open" | "connecting" | "close";
/** The `connectionStatus` column, updated only on QR, open and terminal close, so it can lag the memory state. */
export type ConnectionStatusColumn = "open" | "connecting" | "close";

/** The `Webhook` row: one per instance, re-read on every event (headers, url, events, byEvents). */
export interface WebhookRow {
  id: string;
  url: string;
  headers: Record<string, unknown> | null;
  enabled: boolean;
  events: string[];
  webhookByEvents: boolean;
  webhookBase64: boolean;
  createdAt: string;
  updatedAt: string;
  instanceId: string;
}

export interface SettingsRow {
  id: string;
  rejectCall: boolean;
  msgCall: string;
  groupsIgnore: boolean;
  alwaysOnline: boolean;
  readMessages: boolean;
  readStatus: boolean;
  syncFullHistory: boolean;
  wavoipToken: string;
  createdAt: string;
  updatedAt: string;
  instanceId: string;
}

/** The paired device's credentials: present from a scan until a terminal disconnect deletes the session. */
export interface Session {
  wuid: string;
  profileName: string;
  profilePictureUrl: string | null;
}

/** `instance.qrcode` of the Baileys service; `count` only resets when the QR limit refuses the session. */
export interface QrCodeState {
  count: number;
  code?: string;
  base64?: string;
  pairingCode?: string | null;
}

export interface InstanceRow {
  id: string;
  name: string;
  connectionStatus: ConnectionStatusColumn;
  ownerJid: string | null;
  profileName: string | null;
  profilePicUrl: string | null;
  integration: string;
  number: string | null;
  token: string;
  disconnectionReasonCode: number | null;
  disconnectionObject: string | null;
  disconnectionAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A row of Evolution's `Message` table, as `findMessages` returns it (plus the status history it joins). */
export interface StoredMessage {
  id: string;
  key: MessageKey;
  pushName: string | null;
  messageType: string;
  message: Record<string, unknown>;
  contextInfo: unknown;
  messageTimestamp: number;
  instanceId: string;
  source: string;
  statusUpdates: string[];
  /** The fake CDN token of the media, when the message carries one. */
  mediaToken?: string;
}

export interface MessageKey {
  remoteJid: string;
  remoteJidAlt?: string;
  fromMe: boolean;
  id: string;
  participant?: string;
  participantAlt?: string;
  addressingMode?: "pn" | "lid";
}

/** One accepted send, for the control API's pacing checks. */
export interface SentRecord {
  messageId: string;
  to: string;
  remoteJid: string;
  type: string;
  text?: string;
  receivedAt: string;
}

export type SendFailureMode = "not-on-whatsapp" | "server-error" | "timeout";

/** A control-API rule making the next sends fail; `numbers` narrows it, `remaining` counts it down. */
export interface SendFailureRule {
  mode: SendFailureMode;
  numbers?: Set<string>;
  remaining?: number;
}

export interface Instance {
  row: InstanceRow;
  settings: SettingsRow;
  webhook: WebhookRow | null;
  session: Session | null;

  state: ConnectionState;
  statusReason: number;
  /** `instance.wuid`: set on open and kept after logout; the envelope's `sender`. */
  wuid?: string;
  qr: QrCodeState;
  /** Phone number given to connect, asking for a pairing code with every QR. */
  pairingNumber?: string;
  /** False until the first connect: a socket-less instance fails sends with a TypeError instead of "Connection Closed". */
  hasSocket: boolean;
  /** The webhook's enabled/base64 flags as read when the socket started (`loadWebhook`). */
  loadedWebhook: { enabled: boolean; base64: boolean };
  /** Bumped whenever the socket is replaced or torn down, so stale timers and callbacks do nothing. */
  socketGeneration: number;
  cancelPendingTimer?: () => void;

  messages: StoredMessage[];
  contacts: Map<string, string>;
  groups: Map<string, string>;
  sent: SentRecord[];
  failureRule: SendFailureRule | null;
  /** How many of the next getBase64FromMediaMessage calls fail as an expired download would. */
  failingMediaDownloads: number;
  /** `keyId_status` pairs already reported: 2.3.6 drops repeats for 30 minutes. */
  reportedStatuses: Set<string>;
}
