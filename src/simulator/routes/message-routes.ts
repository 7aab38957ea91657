/** `/message/sendText` and `/message/sendMedia` (`sendMessage.router.ts`, `sendMessage.controller.ts`). */
import { badRequest, connectionClosed, internalError } from "../evolution-errors.ts";
import { created, routeInstance, validated, type EvolutionRoute } from "../evolution-app.ts";
import { mediaMessageSchema, textMessageSchema } from "../evolution-schemas.ts";
import type { Instance } from "../instance.ts";
import { isBase64, isUrl, mimeFromFileName } from "../media.ts";
import { mediaMessageBody, type MediaFile, type MediaKind } from "../message-content.ts";
import type { Runtime } from "../runtime.ts";
import { sendToRecipient, type SendOptions } from "../sending.ts";

type TextBody = SendOptions & { text: string };
type MediaBody = SendOptions & {
  mediatype: Exclude<MediaKind, "sticker">;
  mimetype?: string;
  media?: string;
  fileName?: string;
  caption?: string;
};

const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Fetches a media URL the way axios reports failures ("AxiosError: Request failed with status code 404"). */
async function download(runtime: Runtime, url: string): Promise<{ bytes: Buffer; contentType: string | null }> {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  let response: Response;
  try {
    response = await fetch(absolute, {
      signal: AbortSignal.any([runtime.closing, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)]),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(cause?.code ? `${cause.code} ${new URL(absolute).hostname}` : (error as Error).message);
  }
  if (!response.ok) throw new Error(`Request failed with status code ${response.status}`);
  return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get("content-type") };
}

/**
 * `prepareMediaMessage`: downloads and uploads the media before the recipient is even checked (so a closed socket
 * fails here with a 500), then derives file name and mimetype with Evolution's exact precedence.
 */
async function prepareMedia(runtime: Runtime, instance: Instance, body: MediaBody): Promise<MediaFile> {
  try {
    const media = body.media!;
    let downloaded: { bytes: Buffer; contentType: string | null } | undefined;
    try {
      downloaded = isUrl(media) ? await download(runtime, media) : undefined;
    } catch (error) {
      const failure = new Error((error as Error).message);
      failure.name = "AxiosError";
      throw failure;
    }
    if (!instance.hasSocket) throw new TypeError("Cannot read properties of undefined (reading 'waUploadToServer')");
    if (instance.state !== "open") throw connectionClosed();

    let fileName = body.fileName;
    let mimetype: string | false | undefined = body.mimetype;
    if (body.mediatype === "image") {
      fileName ??= "image.jpg";
      mimetype = "image/jpeg";
    }
    if (body.mediatype === "document" && !fileName) {
      const match = /.*\/(.+?)\./.exec(media);
      if (!match) throw new TypeError("Cannot read properties of null (reading '1')");
      fileName = match[1];
    }
    if (body.mediatype === "video" && !fileName) fileName = "video.mp4";
    if (!mimetype) mimetype = (fileName && mimeFromFileName(fileName)) || downloaded?.contentType || false;
    // A file name always wins, even when `mime.lookup` fails and yields the string "false".
    if (fileName) mimetype = String(mimeFromFileName(fileName));

    return {
      kind: body.mediatype,
      bytes: downloaded?.bytes ?? Buffer.from(media, "base64"),
      // protobuf's fromObject stringifies whatever Evolution assigned, a failed lookup's `false` included.
      mimetype: String(mimetype),
      caption: body.caption,
      fileName: body.mediatype === "document" ? fileName : undefined,
    };
  } catch (error) {
    throw internalError(String(error));
  }
}

export function messageRoutes(runtime: Runtime): EvolutionRoute[] {
  return [
    {
      method: "POST",
      path: "/message/sendText/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        const body = validated<TextBody>(request.body, textMessageSchema);
        if (!body.text || body.text.trim().length === 0) throw badRequest("Text is required");
        const sent = await sendToRecipient(
          runtime,
          instance,
          body,
          request.receivedAt,
          () => ({ message: { conversation: body.text }, messageType: "conversation", text: body.text }),
          false,
        );
        return created(sent);
      },
    },
    {
      method: "POST",
      path: "/message/sendMedia/:instanceName",
      guard: "instance",
      handle: async (request) => {
        const instance = routeInstance(runtime, request);
        const body = validated<MediaBody>(request.body, mediaMessageSchema);
        if (isBase64(body.media) && !body.fileName && body.mediatype === "document") {
          throw badRequest("For base64 the file name must be informed.");
        }
        if (!isUrl(body.media) && !isBase64(body.media)) throw badRequest("Owned media must be a url or base64");

        const file = await prepareMedia(runtime, instance, body);
        const sent = await sendToRecipient(
          runtime,
          instance,
          body,
          request.receivedAt,
          (contextInfo) => {
            const media = mediaMessageBody(runtime.store, file, contextInfo);
            return {
              message: { [media.messageType]: media.body },
              messageType: media.messageType,
              text: body.caption,
              mediaToken: media.token,
              mediaBytes: file.bytes,
            };
          },
          true,
        );
        return created(sent);
      },
    },
  ];
}
