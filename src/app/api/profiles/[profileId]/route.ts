import { Readable } from "node:stream";
import { z } from "zod";
import { memberRoute } from "~/server/api/route-handler";
import { readProfileFile } from "~/server/domain/profiling/read-profile-file";

export const dynamic = "force-dynamic";

/** A recorded CPU profile or heap snapshot, as a download: platform admins only, each download audited. */
export const GET = memberRoute<{ profileId: string }>(async ({ actor, params }) => {
  const profileId = z.uuid().parse(params.profileId);
  const file = await readProfileFile(actor, { profileId });
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: {
      "content-type": "application/json",
      "content-length": String(file.sizeBytes),
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
