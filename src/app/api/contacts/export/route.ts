import { getSessionIdentity } from "~/server/auth/session";
import { exportContactsCsv } from "~/server/domain/contacts/export-contacts-csv";
import { resolveActor } from "~/server/domain/members/resolve-actor";
import { toPublicError } from "~/server/errors";
import { logger } from "~/server/logger";
import { contactFilterSchema } from "~/shared/schemas/contacts";

export const dynamic = "force-dynamic";

/**
 * The contacts of a filter (`?filter=<JSON of the list's filter>`) as CSV for Excel-BR, streamed.
 * Members of the organization only (session checked on every request).
 */
export async function GET(request: Request) {
  try {
    const identity = await getSessionIdentity();
    const actor = identity && (await resolveActor(identity.userId, identity.organizationId));
    if (!actor) return Response.json({ error: "Entre para continuar." }, { status: 401 });
    const raw = new URL(request.url).searchParams.get("filter");
    let json: unknown = {};
    try {
      json = raw ? JSON.parse(raw) : {};
    } catch {
      return Response.json({ error: "Filtro inválido." }, { status: 400 });
    }
    const filter = contactFilterSchema.parse(json);
    const { fileName, chunks } = await exportContactsCsv(actor, { filter });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          logger.error({ err: error }, "contacts export failed mid-stream");
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const published = toPublicError(error);
    return Response.json({ error: published.message }, { status: published.status });
  }
}
