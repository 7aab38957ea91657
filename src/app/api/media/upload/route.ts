import { getSessionIdentity } from "~/server/auth/session";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { uploadMedia } from "~/server/domain/messages/upload-media";
import { toPublicError } from "~/server/errors";

export const dynamic = "force-dynamic";

/** Composer attachments: multipart form with one `file`. Answers the key the reply then refers to. */
export async function POST(request: Request) {
  try {
    const identity = await getSessionIdentity();
    const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
    if (!actor) return Response.json({ error: "Entre para continuar." }, { status: 401 });
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) return Response.json({ error: "Envie um arquivo no campo file." }, { status: 400 });
    const uploaded = await uploadMedia(actor, {
      bytes: Buffer.from(await file.arrayBuffer()),
      mimeType: file.type || "application/octet-stream",
      fileName: file.name || "arquivo",
    });
    return Response.json(uploaded);
  } catch (error) {
    const published = toPublicError(error);
    return Response.json({ error: published.message }, { status: published.status });
  }
}
