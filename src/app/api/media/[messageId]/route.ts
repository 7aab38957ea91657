import { Readable } from "node:stream";
import { memberRoute } from "~/server/api/route-handler";
import { readMessageMedia } from "~/server/domain/messages/read-message-media";

export const dynamic = "force-dynamic";

/** Types a browser may show inline; everything else downloads. */
const INLINE = /^(image\/(jpeg|png|gif|webp)|audio\/|video\/|application\/pdf$)/;

/** An attachment, for members of its organization only (session checked on every request). */
export const GET = memberRoute<{ messageId: string }>(async ({ actor, params: { messageId } }) => {
  const media = await readMessageMedia(actor, { messageId });
  const disposition = INLINE.test(media.mimeType) ? "inline" : "attachment";
  const fileName = encodeURIComponent(media.fileName ?? "arquivo");
  return new Response(Readable.toWeb(media.body) as ReadableStream, {
    headers: {
      "content-type": media.mimeType,
      "content-length": String(media.size),
      "content-disposition": `${disposition}; filename*=UTF-8''${fileName}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      // Private: content-addressed bytes never change, but only this member may read them.
      "cache-control": "private, max-age=86400, immutable",
    },
  });
});
