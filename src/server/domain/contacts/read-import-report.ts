import type { Readable } from "node:stream";
import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { mediaStore } from "../../media";
import type { Actor } from "../members/actor";
import { loadImport } from "./import/load-import";
import { guardMemberAction } from "../member-holds/guard-member-action";

/** The rejected-rows CSV of a finished import, for members of its organization. */
export async function readImportReport(
  actor: Actor,
  input: { importId: string },
): Promise<{ body: Readable; size: number; fileName: string }> {
  await guardMemberAction(actor, "export");
  const record = await withOrganization(actor.organizationId, (tx) =>
    loadImport(tx, actor.organizationId, input.importId),
  );
  if (!record.reportKey) throw new AppError("NOT_FOUND", "importHasNoRejections");
  const stored = await mediaStore().get(record.reportKey);
  if (!stored) throw new AppError("NOT_FOUND", "importReportGone");
  const base = record.fileName.replace(/\.(csv|xlsx|txt)$/i, "");
  return { body: stored.body, size: stored.size, fileName: `${base}-linhas-rejeitadas.csv` };
}
