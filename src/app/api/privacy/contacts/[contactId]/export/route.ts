import { memberRoute } from "~/server/api/route-handler";
import { exportContactData } from "~/server/domain/privacy/export-contact-data";
import { AppError } from "~/server/errors";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Everything held about a contact as a ZIP (LGPD access and portability), for admins; audited. */
export const GET = memberRoute<{ contactId: string }>(async ({ actor, params: { contactId } }) => {
  if (!UUID.test(contactId)) throw new AppError("NOT_FOUND", "contactNotFound");
  const exported = await exportContactData(actor, { contactId });
  return new Response(new Uint8Array(exported.zip), {
    headers: {
      "content-type": "application/zip",
      "content-length": String(exported.zip.byteLength),
      "content-disposition": `attachment; filename="${exported.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
