import { Readable } from "node:stream";
import { memberRoute } from "~/server/api/route-handler";
import { readImportReport } from "~/server/domain/contacts/read-import-report";
import { AppError } from "~/server/errors";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rejected rows of an import (CSV with the reason per row), for members of its organization. */
export const GET = memberRoute<{ importId: string }>(async ({ actor, params: { importId } }) => {
  if (!UUID.test(importId)) throw new AppError("NOT_FOUND", "importNotFound");
  const report = await readImportReport(actor, { importId });
  return new Response(Readable.toWeb(report.body) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-length": String(report.size),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(report.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
