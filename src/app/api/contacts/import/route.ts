import { getSessionIdentity } from "~/server/auth/session";
import { previewContactImport } from "~/server/domain/contacts/preview-contact-import";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { toPublicError } from "~/server/errors";

export const dynamic = "force-dynamic";

/** A little over the 20 MB file limit, for the multipart envelope around it. */
const MAX_REQUEST_BYTES = 21 * 1024 * 1024;

/**
 * Step 1 of a contact import: multipart form with one `file` (CSV or XLSX). Answers the preview:
 * columns, first rows and a suggested mapping. Admins only (checked by the domain).
 */
export async function POST(request: Request) {
  try {
    const identity = await getSessionIdentity();
    const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
    if (!actor) return Response.json({ error: "Entre para continuar." }, { status: 401 });
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_REQUEST_BYTES)
      return Response.json(
        { error: "O arquivo passa do limite de 20 MB. Divida a planilha em partes menores." },
        { status: 413 },
      );
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) return Response.json({ error: "Envie a planilha no campo file." }, { status: 400 });
    const preview = await previewContactImport(actor, {
      bytes: Buffer.from(await file.arrayBuffer()),
      fileName: file.name || "planilha.csv",
    });
    return Response.json(preview);
  } catch (error) {
    const published = toPublicError(error);
    return Response.json({ error: published.message }, { status: published.status });
  }
}
