/**
 * Messages arriving from WhatsApp, as Evolution's `messages.upsert` handler reports them (§11.4, §11.7, §11.8):
 * the upsert with its stored row, then contacts.upsert (new chat) or contacts.update; edits and revokes are
 * protocol messages reported as messages.edited, a revoke also as messages.delete when the original is known.
 */
import { deviceOf, newPhoneMessageId, profilePictureUrlFor, randomBrazilianMobile } from "./ids.ts";
import { inboundContent, inboundKey, type InboundRequest } from "./inbound-content.ts";
import type { Instance, MessageKey } from "./instance.ts";
import { isGroupJid, isLidJid, isPhoneJid } from "./jid.ts";
import { attachBase64IfEnabled, nowInSeconds, storeMessage, type MessageRaw } from "./message-content.ts";
import { rememberOnWhatsApp } from "./number-lookup.ts";
import type { Runtime } from "./runtime.ts";

export interface InboundResult {
  messageId: string;
  remoteJid: string;
  event: "messages.upsert" | "messages.edited" | "messages.delete";
}

const SAMPLE_NAMES = ["Maria Silva", "João Souza", "Ana Oliveira", "Pedro Santos", "Juliana Costa", "Lucas Pereira"];

/** The contact row Evolution upserts after each message: keyed by the chat JID, empty pushName for own messages. */
function reportContact(runtime: Runtime, instance: Instance, raw: MessageRaw): void {
  const remoteJid = raw.key.remoteJid;
  const contact = {
    remoteJid,
    pushName: raw.key.fromMe ? "" : raw.pushName,
    profilePicUrl: profilePictureUrlFor(remoteJid),
    instanceId: instance.row.id,
  };
  if (isPhoneJid(remoteJid) || isLidJid(remoteJid)) {
    rememberOnWhatsApp(runtime.store, raw.key.addressingMode === "lid" ? raw.key.remoteJidAlt! : remoteJid);
  }
  const known = instance.contacts.has(remoteJid);
  instance.contacts.set(remoteJid, contact.pushName ?? "");
  runtime.emit(instance, known ? "contacts.update" : "contacts.upsert", contact);
}

/**
 * An edit or revoke: the raw protocolMessage (protobuf JSON: enum names, Long as string) as messages.edited,
 * its key as the sender wrote it; a revoke of a stored message also yields messages.delete with our key.
 */
function receiveProtocolMessage(
  runtime: Runtime,
  instance: Instance,
  request: InboundRequest,
  key: MessageKey,
): InboundResult {
  const targetId = request.targetMessageId!;
  const senderView = key.fromMe || isGroupJid(key.remoteJid) ? key.remoteJid : (instance.wuid ?? key.remoteJid);
  const protocolKey = { remoteJid: senderView, fromMe: true, id: targetId };
  const target = instance.messages.find((message) => message.key.id === targetId);

  if (request.type === "edit") {
    const editedMessage = { conversation: request.text ?? "" };
    runtime.emit(instance, "messages.edited", {
      key: protocolKey,
      type: "MESSAGE_EDIT",
      editedMessage,
      timestampMs: String(Date.now()),
    });
    if (target) {
      target.message = editedMessage;
      target.messageTimestamp = nowInSeconds();
      target.statusUpdates.push("EDITED");
    }
    return { messageId: key.id, remoteJid: key.remoteJid, event: "messages.edited" };
  }

  runtime.emit(instance, "messages.edited", { key: protocolKey, type: "REVOKE" });
  // Baileys turns the revoke into an update without status, which 2.3.6 dedupes like any "<id>_<status>".
  const dedupeKey = `${targetId}_undefined`;
  if (!target || instance.reportedStatuses.has(dedupeKey)) {
    return { messageId: key.id, remoteJid: key.remoteJid, event: "messages.edited" };
  }
  instance.reportedStatuses.add(dedupeKey);
  target.statusUpdates.push("DELETED");
  runtime.emit(instance, "messages.delete", { ...key, id: targetId });
  return { messageId: key.id, remoteJid: key.remoteJid, event: "messages.delete" };
}

export function receiveInbound(runtime: Runtime, instance: Instance, request: InboundRequest): InboundResult {
  const senderDigits = (request.from ?? randomBrazilianMobile()).replace(/\D/g, "");
  const key = inboundKey(instance, request, senderDigits, newPhoneMessageId());
  if (request.type === "edit" || request.type === "revoke")
    return receiveProtocolMessage(runtime, instance, request, key);

  const content = inboundContent(runtime, instance, { ...request, type: request.type }, key);
  const messageType = Object.keys(content.message)[0]!;
  const raw: MessageRaw = {
    key,
    pushName: request.fromMe
      ? (instance.session?.profileName ?? "Você")
      : (request.pushName ?? SAMPLE_NAMES[Number(senderDigits.slice(-2)) % SAMPLE_NAMES.length]!),
    // Own messages from other devices arrive acknowledged by the server; others get Evolution's DELIVERY_ACK default.
    status: request.fromMe ? "SERVER_ACK" : "DELIVERY_ACK",
    message: content.message,
    contextInfo: content.contextInfo,
    messageType,
    messageTimestamp: nowInSeconds(),
    instanceId: instance.row.id,
    source: deviceOf(key.id),
  };
  storeMessage(instance, raw, content.mediaToken);
  attachBase64IfEnabled(instance, raw, content.mediaBytes);
  runtime.emit(instance, "messages.upsert", raw);
  reportContact(runtime, instance, raw);
  return { messageId: key.id, remoteJid: key.remoteJid, event: "messages.upsert" };
}
