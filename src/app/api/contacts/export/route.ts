import { csvResponse } from "~/server/api/csv-response";
import { memberRoute } from "~/server/api/route-handler";
import { exportContactsCsv } from "~/server/domain/contacts/export-contacts-csv";
import { AppError } from "~/server/errors";
import { logger } from "~/server/logger";
import { contactFilterSchema } from "~/shared/schemas/contacts";

export const dynamic = "force-dynamic";

function parseFilter(raw: string | null): unknown {
  try {
    return raw ? JSON.parse(raw) : {};
  } catch {
    throw new AppError("BAD_REQUEST", "invalidFilter");
  }
}

/**
 * The contacts of a filter (`?filter=<JSON of the list's filter>`) as CSV for Excel-BR, streamed.
 * Members of the organization only (session checked on every request).
 */
export const GET = memberRoute(async ({ request, actor }) => {
  const filter = contactFilterSchema.parse(parseFilter(new URL(request.url).searchParams.get("filter")));
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
  return csvResponse(body, fileName);
});
