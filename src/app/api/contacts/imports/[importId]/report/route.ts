import { Readable } from "node:stream";
import { getSessionIdentity } from "~/server/auth/session";
import { readImportReport } from "~/server/domain/contacts/read-import-report";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { toPublicError } from "~/server/errors";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rejected rows of an import (CSV with the reason per row), for members of its organization. */
export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  try {
    const identity = await getSessionIdentity();
    const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
    if (!actor) return Response.json({ error: "Entre para continuar." }, { status: 401 });
    const { importId } = await params;
    if (!UUID.test(importId)) return Response.json({ error: "Importação não encontrada." }, { status: 404 });
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
  } catch (error) {
    const published = toPublicError(error);
    return Response.json({ error: published.message }, { status: published.status });
  }
}
