import { Readable } from "node:stream";
import { memberRoute } from "~/server/api/route-handler";
import { openBackupFile } from "~/server/domain/backups/open-backup-file";
import { AppError } from "~/server/errors";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One file of a local backup (`/api/backups/<id>/database.tar.gz`), streamed: platform admins; audited. */
export const GET = memberRoute<{ backupId: string; file: string }>(async ({ actor, params }) => {
  if (!UUID.test(params.backupId)) throw new AppError("NOT_FOUND", "backupNotFound");
  const opened = await openBackupFile(actor, params);
  return new Response(Readable.toWeb(opened.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/octet-stream",
      "content-length": String(opened.bytes),
      "content-disposition": `attachment; filename="${opened.fileName}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
});
