import { mediaKind } from "../../media";

/** How WhatsApp sends an attachment of this type: its media kind, or as a document. */
export function outboundMediaType(mimeType: string): "image" | "video" | "audio" | "document" {
  return mediaKind(mimeType) ?? "document";
}
