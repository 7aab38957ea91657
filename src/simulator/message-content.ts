/**
 * Message objects as Evolution's `prepareMessage` emits them (contract §7.2, §11.4): `{key, pushName, status,
 * message, contextInfo, messageType, messageTimestamp, instanceId, source}`, media fields in protobuf field order
 * with the 2.3.6 binary forms (§12), and the matching `Message` table rows.
 */
import { createHash, randomBytes } from "node:crypto";
import { deviceOf, newMediaToken, newRowId, newSentMessageId } from "./ids.ts";
import type { Instance, MessageKey, StoredMessage } from "./instance.ts";
import { imageSize, sampleThumbnail } from "./media.ts";
import { bytesJson, longJson } from "./proto-json.ts";
import type { SimulatorStore } from "./store.ts";

export interface MessageRaw {
  key: MessageKey;
  pushName: string | null;
  status: string;
  message: Record<string, unknown>;
  contextInfo?: unknown;
  messageType: string;
  messageTimestamp: number;
  instanceId: string;
  source: string;
}

export type MediaKind = "image" | "video" | "audio" | "document" | "sticker";

export interface MediaFile {
  kind: MediaKind;
  bytes: Buffer;
  mimetype: string;
  caption?: string;
  fileName?: string;
  /** Audio recorded as a voice note. */
  ptt?: boolean;
  seconds?: number;
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

/** The media token in a fake CDN URL or direct path (…/<token>.enc?…). */
export const mediaTokenOf = (urlOrPath: unknown): string | undefined =>
  typeof urlOrPath === "string" ? /\/([0-9a-f]{32})\.enc/.exec(urlOrPath)?.[1] : undefined;

/** The `contextInfo` Evolution attaches to every non-group send (`sendMessageWithTyping`). */
export function directChatContextInfo(): Record<string, unknown> {
  return {
    mentionedJid: [],
    groupMentions: [],
    ephemeralSettingTimestamp: longJson(nowInSeconds() - 172_800, false),
    disappearingMode: { initiator: 0 },
  };
}

/** Stores the bytes behind a fake encrypted CDN URL and returns the `<kind>Message` body in protobuf field order. */
export function mediaMessageBody(
  store: SimulatorStore,
  file: MediaFile,
  contextInfo?: unknown,
): { messageType: string; body: Record<string, unknown>; token: string } {
  const token = newMediaToken();
  store.mediaBlobs.set(token, file.bytes);
  const mediaKey = randomBytes(32);
  const expiry = (nowInSeconds() + 30 * 86_400).toString(16).toUpperCase();
  const directPath = `/o1/v/t62.7118-24/f2/m231/${token}.enc?ccb=9-4&oh=01_Q5Aa2A${token.slice(0, 20)}&oe=${expiry}&_nc_sid=5e03e0`;
  const common = {
    url: `https://mmg.whatsapp.net${directPath}&mms3=true`,
    fileSha256: bytesJson(createHash("sha256").update(file.bytes).digest()),
    fileLength: longJson(file.bytes.length, true),
    mediaKey: bytesJson(mediaKey),
    fileEncSha256: bytesJson(createHash("sha256").update(file.bytes).update(mediaKey).digest()),
    directPath,
    mediaKeyTimestamp: longJson(nowInSeconds(), false),
  };
  const size = imageSize(file.bytes);
  const thumbnail = bytesJson(sampleThumbnail());

  const bodies: Record<MediaKind, () => Record<string, unknown>> = {
    image: () => ({
      url: common.url,
      mimetype: file.mimetype,
      caption: file.caption,
      fileSha256: common.fileSha256,
      fileLength: common.fileLength,
      height: size?.height,
      width: size?.width,
      mediaKey: common.mediaKey,
      fileEncSha256: common.fileEncSha256,
      directPath,
      mediaKeyTimestamp: common.mediaKeyTimestamp,
      jpegThumbnail: thumbnail,
      contextInfo,
    }),
    video: () => ({
      url: common.url,
      mimetype: file.mimetype,
      fileSha256: common.fileSha256,
      fileLength: common.fileLength,
      seconds: file.seconds ?? 5,
      mediaKey: common.mediaKey,
      caption: file.caption,
      height: 640,
      width: 360,
      fileEncSha256: common.fileEncSha256,
      directPath,
      mediaKeyTimestamp: common.mediaKeyTimestamp,
      jpegThumbnail: thumbnail,
      contextInfo,
    }),
    audio: () => ({
      url: common.url,
      mimetype: file.mimetype,
      fileSha256: common.fileSha256,
      fileLength: common.fileLength,
      seconds: file.seconds ?? 3,
      ptt: file.ptt ?? false,
      mediaKey: common.mediaKey,
      fileEncSha256: common.fileEncSha256,
      directPath,
      mediaKeyTimestamp: common.mediaKeyTimestamp,
      contextInfo,
      waveform: file.ptt ? bytesJson(randomBytes(64).map((byte) => byte % 100)) : undefined,
    }),
    document: () => ({
      url: common.url,
      mimetype: file.mimetype,
      title: file.fileName,
      fileSha256: common.fileSha256,
      fileLength: common.fileLength,
      pageCount: file.mimetype === "application/pdf" ? 1 : undefined,
      mediaKey: common.mediaKey,
      fileName: file.fileName,
      fileEncSha256: common.fileEncSha256,
      directPath,
      mediaKeyTimestamp: common.mediaKeyTimestamp,
      contextInfo,
      caption: file.caption,
    }),
    sticker: () => ({
      url: common.url,
      fileSha256: common.fileSha256,
      fileEncSha256: common.fileEncSha256,
      mediaKey: common.mediaKey,
      mimetype: file.mimetype,
      height: size?.height,
      width: size?.width,
      directPath,
      fileLength: common.fileLength,
      mediaKeyTimestamp: common.mediaKeyTimestamp,
      isAnimated: false,
      contextInfo,
    }),
  };
  return { messageType: `${file.kind}Message`, body: bodies[file.kind](), token };
}

/** An API send as Baileys returns it: id "3EB0…", status PENDING, `pushName` the hard-coded "Você". */
export function outgoingMessage(
  instance: Instance,
  remoteJid: string,
  message: Record<string, unknown>,
  messageType: string,
  contextInfo: unknown,
): MessageRaw {
  const key: MessageKey = { remoteJid, fromMe: true, id: newSentMessageId() };
  return {
    key,
    pushName: "Você",
    status: "PENDING",
    message,
    contextInfo,
    messageType,
    messageTimestamp: nowInSeconds(),
    instanceId: instance.row.id,
    source: deviceOf(key.id),
  };
}

/** The `Message` row saved before `message.base64` is added, so stored rows never carry the bytes. */
export function storeMessage(instance: Instance, raw: MessageRaw, mediaToken?: string): StoredMessage {
  const stored: StoredMessage = {
    id: newRowId(),
    key: structuredClone(raw.key),
    pushName: raw.pushName,
    messageType: raw.messageType,
    message: structuredClone(raw.message),
    contextInfo: raw.contextInfo === undefined ? null : structuredClone(raw.contextInfo),
    messageTimestamp: raw.messageTimestamp,
    instanceId: raw.instanceId,
    source: raw.source,
    statusUpdates: [],
    mediaToken,
  };
  instance.messages.push(stored);
  return stored;
}

/**
 * Whether this media download fails (`fail-media`). Evolution fetches the webhook's base64 with the same
 * download as getBase64FromMediaMessage, so an expired file is missing from both.
 */
export function mediaDownloadFails(instance: Instance): boolean {
  if (instance.failingMediaDownloads <= 0) return false;
  instance.failingMediaDownloads--;
  return true;
}

/** Media bytes join `message` only while the webhook's `base64` flag (as loaded at connect) is on. */
export function attachBase64IfEnabled(instance: Instance, raw: MessageRaw, bytes: Buffer | undefined): void {
  if (bytes && instance.loadedWebhook.enabled && instance.loadedWebhook.base64 && !mediaDownloadFails(instance)) {
    raw.message.base64 = bytes.toString("base64");
  }
}
