import { memberRoute } from "~/server/api/route-handler";
import { previewContactImport } from "~/server/domain/contacts/preview-contact-import";
import { AppError } from "~/server/errors";

export const dynamic = "force-dynamic";

/** A little over the 20 MB file limit, for the multipart envelope around it. */
const MAX_REQUEST_BYTES = 21 * 1024 * 1024;

/**
 * Step 1 of a contact import: multipart form with one `file` (CSV or XLSX). Answers the preview:
 * columns, first rows and a suggested mapping. Admins only (checked by the domain).
 */
export const POST = memberRoute(async ({ request, actor }) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "importFileTooLarge");
  }
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new AppError("BAD_REQUEST", "spreadsheetFieldMissing");
  const preview = await previewContactImport(actor, {
    bytes: Buffer.from(await file.arrayBuffer()),
    fileName: file.name || "planilha.csv",
  });
  return Response.json(preview);
});
