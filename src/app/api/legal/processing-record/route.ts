import { memberRoute } from "~/server/api/route-handler";
import { getProcessingRecord } from "~/server/domain/legal/get-processing-record";

export const dynamic = "force-dynamic";

/** The record of processing (LGPD Art. 37) as a JSON file, for admins. */
export const GET = memberRoute(async ({ actor }) => {
  const record = await getProcessingRecord(actor);
  const day = record.generatedAt.slice(0, 10);
  return new Response(JSON.stringify(record, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="registro-de-tratamento-${day}.json"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
