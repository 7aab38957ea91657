import { csvResponse } from "~/server/api/csv-response";
import { memberRoute } from "~/server/api/route-handler";
import { exportAuditCsv } from "~/server/domain/audit/export-audit-csv";
import { auditFilterSchema } from "~/shared/schemas/audit";

export const dynamic = "force-dynamic";

/** The audit log of a filter (`?actorUserId=&action=&targetType=&from=&to=`) as CSV. Admins only. */
export const GET = memberRoute(async ({ request, actor }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = auditFilterSchema.parse(params);
  const { fileName, csv } = await exportAuditCsv(actor, { filter });
  return csvResponse(csv, fileName);
});
