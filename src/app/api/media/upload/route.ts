import { memberRoute } from "~/server/api/route-handler";
import { uploadMedia } from "~/server/domain/messages/upload-media";
import { AppError } from "~/server/errors";

export const dynamic = "force-dynamic";

/** Composer attachments: multipart form with one `file`. Answers the key the reply then refers to. */
export const POST = memberRoute(async ({ request, actor }) => {
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "fileFieldMissing");
  const uploaded = await uploadMedia(actor, {
    bytes: Buffer.from(await file.arrayBuffer()),
    mimeType: file.type || "application/octet-stream",
    fileName: file.name || "arquivo",
  });
  return Response.json(uploaded);
});
