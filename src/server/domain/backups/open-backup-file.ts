import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { db } from "../../db/client";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { guardMemberAction } from "../member-holds/guard-member-action";
import type { Actor } from "../members/actor";
import { isPlatformAdmin } from "../members/is-platform-admin";
import { backupFiles } from "./backup-files";

/**
 * One file of a local backup for download: platform admins only, a name its manifest lists (never a path),
 * counted as an export for the member-hold limit (a backup is everyone's data) and audited before any byte
 * leaves. The uploaded copy is downloaded from the bucket itself, not through the app.
 */
export async function openBackupFile(
  actor: Actor,
  input: { backupId: string; file: string },
): Promise<{ fileName: string; bytes: number; stream: ReadStream }> {
  if (!(await isPlatformAdmin(actor))) throw new AppError("FORBIDDEN", "platformAdminsOnly");
  const backup = await db().backup.findUnique({ where: { id: input.backupId } });
  if (!backup || backup.status !== "succeeded" || backup.pruned) throw new AppError("NOT_FOUND", "backupNotFound");
  if (!(await backupFiles(backup.location)).includes(input.file)) throw new AppError("NOT_FOUND", "backupNotFound");
  const full = path.join(backup.location, input.file);
  const bytes = (await stat(full).catch(() => null))?.size;
  if (bytes === undefined) throw new AppError("NOT_FOUND", "backupNotFound");
  await guardMemberAction(actor, "export");
  await withOrganization(actor.organizationId, (tx) =>
    recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "backup.downloaded",
      targetType: "backup",
      targetId: backup.id,
      metadata: { fileName: input.file, size: bytes },
    }),
  );
  const fileName = `${path.basename(backup.location)}-${input.file}`;
  return { fileName, bytes, stream: createReadStream(full) };
}
