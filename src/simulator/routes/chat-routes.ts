/** `/chat/whatsappNumbers|markMessageAsRead|findMessages|getBase64FromMediaMessage` (`chat.router.ts`). */
import { badRequest, connectionClosed, internalError } from "../evolution-errors.ts";
import { created, ok, routeInstance, validated, type EvolutionRoute } from "../evolution-app.ts";
import { findMessagesSchema, readMessagesSchema, whatsappNumbersSchema } from "../evolution-schemas.ts";
import type { Instance, StoredMessage } from "../instance.ts";
import { isGroupJid, isPhoneJid } from "../jid.ts";
import { extensionFromMime } from "../media.ts";
import { mediaDownloadFails, mediaTokenOf } from "../message-content.ts";
import { lookUpNumbers } from "../number-lookup.ts";
import type { Runtime } from "../runtime.ts";

interface FindMessagesBody {
  where?: {
    id?: string;
    source?: string;
    messageType?: string;
    messageTimestamp?: { gte?: string; lte?: string };
    key?: { id?: string; fromMe?: boolean; remoteJid?: string; participant?: string };
  };
  page?: number;
  offset?: number;
}

const MEDIA_TYPES = ["imageMessage", "documentMessage", "audioMessage", "videoMessage", "stickerMessage", "ptvMessage"];
const WRAPPER_TYPES = ["ephemeralMessage", "documentWithCaptionMessage", "viewOnceMessage", "viewOnceMessageV2"];

/** `fetchMessages`: key filters (a false `fromMe` filters nothing), both timestamp bounds or none, newest first. */
function findMessages(instance: Instance, body: FindMessagesBody) {
  const where = body.where ?? {};
  const key = where.key ?? {};
  const range = where.messageTimestamp?.gte && where.messageTimestamp.lte ? where.messageTimestamp : undefined;
  const toSeconds = (date: string) => Math.floor(new Date(date).getTime() / 1000);
  const matches = (message: StoredMessage) =>
    (!where.id || message.id === where.id) &&
    (!where.source || message.source === where.source) &&
    (!where.messageType || message.messageType === where.messageType) &&
    (!range ||
      (message.messageTimestamp >= toSeconds(range.gte!) && message.messageTimestamp <= toSeconds(range.lte!))) &&
    (!key.id || message.key.id === key.id) &&
    (!key.fromMe || message.key.fromMe === key.fromMe) &&
    (!key.remoteJid || message.key.remoteJid === key.remoteJid) &&
    (!key.participant || message.key.participant === key.participant);

  const newestFirst = instance.messages
    .map((message, order) => ({ message, order }))
    .filter(({ message }) => matches(message))
    .sort((a, b) => b.message.messageTimestamp - a.message.messageTimestamp || b.order - a.order)
    .map(({ message }) => message);

  const pageSize = body.offset || 50;
  const page = body.page || 1;
  const records = newestFirst.slice(pageSize * (page === 1 ? 0 : page - 1)).slice(0, pageSize);
  return {
    messages: {
      total: newestFirst.length,
      pages: Math.ceil(newestFirst.length / pageSize),
      currentPage: page,
      records: records.map((message) => ({
        id: message.id,
        key: message.key,
        pushName:
          message.pushName ||
          (message.key.fromMe
            ? "Você"
            : ((message.contextInfo as { participant?: string } | null)?.participant ?? message.key.participant)?.split(
                "@",
              )[0]) ||
          null,
        messageType: message.messageType,
        message: message.message,
        messageTimestamp: message.messageTimestamp,
        instanceId: message.instanceId,
        source: message.source,
        contextInfo: message.contextInfo,
        MessageUpdate: message.statusUpdates.map((status) => ({ status })),
      })),
    },
  };
}

/** `getBase64FromMediaMessage`: the full webhook message or just its key; every failure becomes 400 [toString()]. */
function mediaAsBase64(runtime: Runtime, instance: Instance, body: unknown) {
  try {
    const requested = (body as { message?: { key?: { id?: string }; message?: Record<string, unknown> } } | null)
      ?.message;
    if (!requested) throw new TypeError("Cannot read properties of undefined (reading 'key')");
    let key = requested.key;
    let message: Record<string, unknown>;
    if (requested.message) message = requested.message;
    else {
      if (!key) throw new TypeError("Cannot read properties of undefined (reading 'id')");
      const stored = instance.messages.find((candidate) => candidate.key.id === key!.id);
      if (!stored) throw "Message not found";
      ({ key, message } = stored);
    }
    for (const wrapper of WRAPPER_TYPES) {
      const inner: Record<string, unknown> | undefined = (message[wrapper] as { message?: Record<string, unknown> })
        ?.message;
      if (inner) message = inner;
    }
    if ("messageContextInfo" in message && Object.keys(message).length === 1) throw "The message is messageContextInfo";
    const mediaType = MEDIA_TYPES.find((type) => message[type]);
    if (!mediaType) throw "The message is not of the media type";

    const media = message[mediaType] as Record<string, unknown>;
    const bytes = runtime.store.mediaBlobs.get(mediaTokenOf(media.url) ?? mediaTokenOf(media.directPath) ?? "");
    // What Evolution answers when WhatsApp's CDN no longer has the file (or the download fails).
    if (!bytes || mediaDownloadFails(instance)) throw new Error(`Failed to fetch stream from ${String(media.url)}`);
    const convertToMp4 = (body as { convertToMp4?: boolean }).convertToMp4 === true && mediaType === "audioMessage";
    const mimetype = media.mimetype as string | undefined;
    return {
      mediaType,
      fileName: (media.fileName as string | undefined) || `${key?.id}.${extensionFromMime(mimetype)}`,
      caption: media.caption,
      size: { fileLength: media.fileLength, height: media.height, width: media.width },
      // No transcoding here: the bytes stay Ogg/Opus, only the label changes as Evolution's would.
      mimetype: convertToMp4 ? "audio/mp4" : mimetype,
      base64: bytes.toString("base64"),
      buffer: null,
    };
  } catch (error) {
    throw badRequest(String(error));
  }
}

export function chatRoutes(runtime: Runtime): EvolutionRoute[] {
  return [
    {
      method: "POST",
      path: "/chat/whatsappNumbers/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        try {
          const body = validated<{ numbers?: string[] }>(request.body, whatsappNumbersSchema);
          if (!body.numbers) throw new TypeError("Cannot read properties of undefined (reading 'forEach')");
          return ok(lookUpNumbers(runtime.store, instance, body.numbers));
        } catch (error) {
          // This route answers 400 with whatever was thrown, serialised raw: no `response` wrapper.
          return { status: 400, body: error };
        }
      },
    },
    {
      method: "POST",
      path: "/chat/markMessageAsRead/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        const { readMessages } = validated<{ readMessages: { remoteJid: string }[] }>(request.body, readMessagesSchema);
        // Keys that are neither groups nor phone JIDs (e.g. @lid) are skipped silently.
        const readable = readMessages.filter(({ remoteJid }) => isGroupJid(remoteJid) || isPhoneJid(remoteJid));
        if (readable.length > 0 && instance.state !== "open") {
          const failure = instance.hasSocket
            ? connectionClosed()
            : new TypeError("Cannot read properties of undefined (reading 'readMessages')");
          throw internalError("Read messages fail", String(failure));
        }
        return created({ message: "Read messages", read: "success" });
      },
    },
    {
      method: "POST",
      path: "/chat/findMessages/:instanceName",
      guard: "instance",
      handle: async (request) =>
        ok(
          findMessages(routeInstance(runtime, request), validated<FindMessagesBody>(request.body, findMessagesSchema)),
        ),
    },
    {
      method: "POST",
      path: "/chat/getBase64FromMediaMessage/:instanceName",
      guard: "instance",
      handle: async (request) => created(mediaAsBase64(runtime, routeInstance(runtime, request), request.body)),
    },
  ];
}
