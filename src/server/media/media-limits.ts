import { env } from "../../env";
import type { ErrorReason } from "../../shared/error-reasons";
import type { MessageParams } from "../../shared/errors";

/** How WhatsApp carries an attachment. */
export type MediaKind = "image" | "audio" | "video" | "document";

/**
 * The MIME types accepted per kind: what WhatsApp sends and plays, plus the documents teams in Brazil
 * exchange (PDF, Office and OpenDocument files, text, CSV, NF-e XML, compressed archives). Anything
 * else (executables, SVG and HTML, which a browser could run) is refused. Serve stored media with
 * `Content-Disposition: attachment` (or at least `X-Content-Type-Options: nosniff`).
 */
export const allowedMimeTypes: Record<MediaKind, readonly string[]> = {
  image: ["image/jpeg", "image/png", "image/webp", "image/gif", "image/heic", "image/heif"],
  audio: [
    "audio/ogg",
    "audio/opus",
    "audio/mpeg",
    "audio/mp3",
    "audio/mp4",
    "audio/x-m4a",
    "audio/aac",
    "audio/amr",
    "audio/3gpp",
    "audio/webm",
    "audio/wav",
    "audio/x-wav",
    "audio/wave",
  ],
  video: ["video/mp4", "video/3gpp", "video/quicktime", "video/webm"],
  document: [
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/rtf",
    "text/rtf",
    "text/plain",
    "text/csv",
    "application/xml",
    "text/xml",
    "application/zip",
    "application/x-zip-compressed",
    "application/vnd.rar",
    "application/x-rar-compressed",
    "application/x-7z-compressed",
  ],
};

const kindOf = new Map<string, MediaKind>(
  (Object.entries(allowedMimeTypes) as [MediaKind, readonly string[]][]).flatMap(([kind, types]) =>
    types.map((type) => [type, kind] as const),
  ),
);

/** `Audio/OGG; codecs=opus` → `audio/ogg`. */
export function normaliseMimeType(mimeType: string): string {
  return mimeType.split(";")[0]!.trim().toLowerCase();
}

/** The kind of an accepted MIME type (parameters and case ignored), or null when it is not accepted. */
export function mediaKind(mimeType: string): MediaKind | null {
  return kindOf.get(normaliseMimeType(mimeType)) ?? null;
}

export type MediaRejection = "vazio" | "tipo" | "tamanho";

export type MediaCheck =
  | { ok: true; kind: MediaKind; mimeType: string }
  | { ok: false; reason: MediaRejection; error: { reason: ErrorReason; params?: MessageParams } };

/**
 * Whether an attachment (received or sent) may be stored: an accepted type and at most `maxBytes`
 * (default MEDIA_MAX_BYTES). A refusal carries an error reason with its parameters, for the UI to word.
 */
export function checkMedia(media: { mimeType: string; size: number }, options: { maxBytes?: number } = {}): MediaCheck {
  const mimeType = normaliseMimeType(media.mimeType);
  const kind = kindOf.get(mimeType);
  if (!kind) {
    return {
      ok: false,
      reason: "tipo",
      error: { reason: "mediaTypeNotAllowed", params: { mimeType: mimeType || "?" } },
    };
  }
  if (media.size <= 0) return { ok: false, reason: "vazio", error: { reason: "fileEmpty" } };
  const maxBytes = options.maxBytes ?? env().media.maxBytes;
  if (media.size > maxBytes) {
    return {
      ok: false,
      reason: "tamanho",
      error: { reason: "mediaTooLarge", params: { sizeBytes: media.size, limitBytes: maxBytes } },
    };
  }
  return { ok: true, kind, mimeType };
}
