import { z } from "zod";
import { memberRoute } from "~/server/api/route-handler";
import { exportSavedReport } from "~/server/domain/reports/export-saved-report";
import { reportFormats } from "~/shared/schemas/reports";

export const dynamic = "force-dynamic";

const exportRequest = z.object({ reportId: z.uuid(), format: z.enum(reportFormats).default("xlsx") });

/** A saved report's numbers as XLSX (`?format=xlsx`, the default) or CSV, for members of its organization. */
export const GET = memberRoute<{ reportId: string }>(async ({ request, actor, params }) => {
  const { reportId, format } = exportRequest.parse({
    reportId: params.reportId,
    format: new URL(request.url).searchParams.get("format") ?? undefined,
  });
  const file = await exportSavedReport(actor, { id: reportId, format });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
