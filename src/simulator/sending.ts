/**
 * `sendMessageWithTyping` (`whatsapp.baileys.service.ts:2129-2397`): recipient check first (its socket errors
 * escape unwrapped → 500), then typing delay and the send itself, whose errors come back as
 * `400 [error.toString()]` ("Error: Connection Closed", "[object Object]" for an inner Evolution exception).
 */
import { badRequest, connectionClosed, notFound, SocketError } from "./evolution-errors.ts";
import type { Instance, SendFailureMode } from "./instance.ts";
import { createJid, isGroupJid, registeredJid } from "./jid.ts";
import {
  attachBase64IfEnabled,
  directChatContextInfo,
  outgoingMessage,
  storeMessage,
  type MessageRaw,
} from "./message-content.ts";
import { lookUpNumbers, type NumberLookup } from "./number-lookup.ts";
import type { Runtime } from "./runtime.ts";

export interface QuotedOption {
  key: { id: string; remoteJid?: string; fromMe?: boolean; participant?: string };
  message?: Record<string, unknown>;
}

export interface SendOptions {
  number: string;
  delay?: number;
  quoted?: QuotedOption;
  mentioned?: string[];
}

/** What a send puts on the wire, built once the recipient JID and `contextInfo` are known. */
export interface BuiltContent {
  message: Record<string, unknown>;
  messageType: string;
  /** Text or caption, for the control API's sent log. */
  text?: string;
  mediaToken?: string;
  mediaBytes?: Buffer;
}

/** How long a send held by the "timeout" failure mode waits before Baileys' query timeout answers. */
const HELD_SEND_MS = 60_000;

/** Consumes one use of the control API's failure rule when it covers this recipient. */
function takeFailure(instance: Instance, number: string): SendFailureMode | null {
  const rule = instance.failureRule;
  if (!rule) return null;
  if (rule.numbers && !rule.numbers.has(registeredJid(createJid(number)))) return null;
  if (rule.remaining !== undefined && --rule.remaining <= 0) instance.failureRule = null;
  return rule.mode;
}

/** A socket that never started has no client object at all, hence a TypeError instead of "Connection Closed". */
function assertSocketOpen(instance: Instance, clientMethod: string): void {
  if (!instance.hasSocket) throw new TypeError(`Cannot read properties of undefined (reading '${clientMethod}')`);
  if (instance.state !== "open") throw connectionClosed();
}

/** The first content entry of a quoted message, without its own `contextInfo` (Baileys' quote rule). */
function quotedContent(message: Record<string, unknown>): Record<string, unknown> {
  const [type, content] =
    Object.entries(message).find(([key]) => key === "conversation" || key.includes("Message")) ?? [];
  if (type === undefined) return {};
  if (typeof content !== "object" || content === null) return { [type]: content };
  const { contextInfo: _ownContext, ...rest } = content as Record<string, unknown>;
  return { [type]: rest };
}

function sendContextInfo(
  instance: Instance,
  recipient: string,
  options: SendOptions,
  isMedia: boolean,
): Record<string, unknown> | undefined {
  let contextInfo: Record<string, unknown> | undefined;
  if (!isGroupJid(recipient)) contextInfo = directChatContextInfo();
  else if (options.mentioned?.length) contextInfo = { mentionedJid: options.mentioned.map(createJid) };
  // A forwarded media body always gets a contextInfo object, even an empty one.
  else if (isMedia) contextInfo = {};

  const quoted = options.quoted;
  if (!quoted) return contextInfo;
  const stored = instance.messages.find((message) => message.key.id === quoted.key.id);
  const quotedKey = quoted.message ? quoted.key : stored?.key;
  const quotedMessage = quoted.message ?? stored?.message;
  if (!quotedKey || !quotedMessage) return contextInfo;
  return {
    ...contextInfo,
    participant: quotedKey.fromMe ? instance.wuid : (quotedKey.participant ?? quotedKey.remoteJid),
    stanzaId: quotedKey.id,
    quotedMessage: quotedContent(quotedMessage),
    remoteJid: quotedKey.remoteJid && quotedKey.remoteJid !== recipient ? quotedKey.remoteJid : undefined,
  };
}

export async function sendToRecipient(
  runtime: Runtime,
  instance: Instance,
  options: SendOptions,
  receivedAt: Date,
  build: (contextInfo: Record<string, unknown> | undefined) => BuiltContent,
  isMedia: boolean,
): Promise<MessageRaw> {
  const failure = takeFailure(instance, options.number);
  if (failure === "timeout") {
    await runtime.timers.sleep(HELD_SEND_MS);
    throw new SocketError("Timed Out", 408);
  }
  if (failure === "server-error") throw new Error("Simulated server error (control API fail-sends)");

  const lookup: NumberLookup =
    failure === "not-on-whatsapp"
      ? { jid: createJid(options.number), exists: false, number: options.number }
      : lookUpNumbers(runtime.store, instance, [options.number])[0]!;
  if (!lookup.exists && !isGroupJid(lookup.jid) && !lookup.jid.includes("@broadcast")) throw badRequest(lookup);
  const recipient = lookup.jid.toLowerCase();

  try {
    if (options.delay) {
      assertSocketOpen(instance, "presenceSubscribe");
      await runtime.timers.sleep(options.delay);
    }
    assertSocketOpen(instance, "sendMessage");
    if (recipient === "status@broadcast") throw new TypeError("Cannot read properties of undefined (reading 'option')");
    if (isGroupJid(recipient) && !instance.groups.has(recipient)) throw notFound("Group not found");

    const contextInfo = sendContextInfo(instance, recipient, options, isMedia);
    const content = build(contextInfo);
    const raw = outgoingMessage(instance, recipient, content.message, content.messageType, contextInfo);
    storeMessage(instance, raw, content.mediaToken);
    attachBase64IfEnabled(instance, raw, content.mediaBytes);
    instance.sent.push({
      messageId: raw.key.id,
      to: options.number,
      remoteJid: raw.key.remoteJid,
      type: raw.messageType,
      text: content.text,
      receivedAt: receivedAt.toISOString(),
    });
    runtime.emit(instance, "send.message", raw);
    return raw;
  } catch (error) {
    throw badRequest(String(error));
  }
}
