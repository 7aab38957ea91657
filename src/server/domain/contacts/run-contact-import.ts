import { withOrganization } from "../../db/tenant";
import { isErrorReason, type ErrorReason } from "../../../shared/error-reasons";
import type { MessageParams } from "../../../shared/errors";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { mediaStore } from "../../media";
import { mediaKey } from "../../media/media-key";
import { recordAudit } from "../audit/record-audit";
import { applyImportChunk } from "./import/apply-import-chunk";
import { emitImportUpdated } from "./import/emit-import-updated";
import { ensureImportTags } from "./import/ensure-import-tags";
import { importLimits } from "./import/import-limits";
import { startedSettingsOf } from "./import/import-settings";
import { loadImport } from "./import/load-import";
import { planImport } from "./import/plan-import";
import { refreshContactStatistics } from "./import/refresh-contact-statistics";
import { rejectedRowsCsv } from "./import/rejected-report";
import { organizationWords } from "../../i18n/organization-words";

const CHUNK_TIMEOUT_MS = 120_000;

/** Another run of the same job got further: this one stops without touching anything. */
class OvertakenError extends Error {}

/**
 * The contacts.import job: writes a started import's valid rows in chunks, each chunk and its
 * counters in one transaction, so the import resumes after its last committed chunk when the worker
 * stops or the job is retried, and re-running a chunk changes nothing (upserts). At the end it keeps
 * the rejected rows as a CSV report. Any failure marks the import failed with the reason.
 */
export async function runContactImport(
  payload: { organizationId: string; importId: string },
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  const { organizationId, importId } = payload;
  const record = await withOrganization(organizationId, (tx) => loadImport(tx, organizationId, importId));
  if (record.status !== "running" && record.status !== "failed") return;
  try {
    const settings = startedSettingsOf(record);
    if (!settings) throw new AppError("BAD_REQUEST", "importWithoutMapping");
    if (record.status === "failed") await setStatus(organizationId, importId, "running", null);

    const { table, validation } = await planImport(organizationId, record.fileKey, settings.columns);
    const { valid, rejected } = validation;
    const tagIds = await ensureImportTags(
      organizationId,
      valid.flatMap((row) => row.tags),
      record.createdById,
    );
    const consent = { legalBasis: settings.legalBasis, evidence: settings.evidence ?? null, fileName: record.fileName };
    await refreshContactStatistics(organizationId);

    let offset = Math.max(0, record.processedRows - rejected.length);
    if (record.rejectedCount !== rejected.length) {
      // The rows read differently than when the import started (a custom field changed meanwhile):
      // count again from the top; the chunks already written are upserts and change nothing.
      offset = 0;
      await withOrganization(organizationId, (tx) =>
        tx.contactImport.update({
          where: { id: importId },
          data: {
            rejectedCount: rejected.length,
            processedRows: rejected.length,
            createdCount: 0,
            updatedCount: 0,
            unchangedCount: 0,
          },
        }),
      );
    }
    for (; offset < valid.length; offset += importLimits.chunkSize) {
      if (options.signal?.aborted) throw new Error("import job aborted (expired or stopping)");
      const rows = valid.slice(offset, offset + importLimits.chunkSize);
      const expected = rejected.length + offset;
      await withOrganization(
        organizationId,
        async (tx) => {
          const [progress] = await tx.$queryRaw<{ processed_rows: number; status: string }[]>`
            SELECT processed_rows, status::text FROM contact_imports WHERE id = ${importId}::uuid FOR UPDATE`;
          if (!progress || progress.status !== "running" || progress.processed_rows !== expected)
            throw new OvertakenError();
          const outcome = await applyImportChunk(tx, {
            organizationId,
            rows,
            tagIds,
            consent,
            actorUserId: record.createdById,
          });
          await tx.contactImport.update({
            where: { id: importId },
            data: {
              processedRows: { increment: rows.length },
              createdCount: { increment: outcome.created },
              updatedCount: { increment: outcome.updated },
              unchangedCount: { increment: outcome.unchanged },
            },
          });
        },
        { timeoutMs: CHUNK_TIMEOUT_MS },
      );
      await emitImportUpdated(organizationId, importId);
    }

    await refreshContactStatistics(organizationId);
    const reportKey = rejected.length
      ? await storeReport(organizationId, rejectedRowsCsv(table.columns, rejected, await wordsOf(organizationId)))
      : null;
    await withOrganization(organizationId, async (tx) => {
      const done = await tx.contactImport.updateMany({
        where: { id: importId, status: "running" },
        data: { status: "completed", reportKey, finishedAt: new Date(), error: null },
      });
      if (done.count === 0) return;
      const final = await loadImport(tx, organizationId, importId);
      await recordAudit(tx, {
        organizationId,
        actorUserId: record.createdById,
        action: "contacts.import_completed",
        targetType: "contact_import",
        targetId: importId,
        metadata: {
          fileName: final.fileName,
          totalRows: final.totalRows,
          created: final.createdCount,
          updated: final.updatedCount,
          unchanged: final.unchangedCount,
          rejected: final.rejectedCount,
        },
      });
    });
    await emitImportUpdated(organizationId, importId);
  } catch (error) {
    if (error instanceof OvertakenError) return;
    const expected = error instanceof AppError && error.code !== "INTERNAL";
    // The most specific reason: a field's own issue (e.g. the mapped custom field is gone) when there is one.
    const fieldIssue = expected ? Object.values(error.fieldErrors ?? {})[0]?.[0] : undefined;
    const failure =
      fieldIssue && isErrorReason(fieldIssue.reason)
        ? { reason: fieldIssue.reason, params: fieldIssue.params ?? {} }
        : expected
          ? { reason: error.reason, params: error.params ?? {} }
          : { reason: "importCrashed" as const, params: {} };
    (expected ? logger.warn.bind(logger) : logger.error.bind(logger))(
      { err: error, importId },
      "contact import failed",
    );
    await setStatus(organizationId, importId, "failed", failure).catch((e) =>
      logger.error({ err: e, importId }, "could not mark import failed"),
    );
    await emitImportUpdated(organizationId, importId);
    // People's mistakes will not fix themselves; anything else is retried (resuming where it stopped).
    if (!expected) throw error;
  }
}

/** `failure` is stored as its reason code (`error`) and parameters (`error_params`); the UI words it. */
async function setStatus(
  organizationId: string,
  importId: string,
  status: "running" | "failed",
  failure: { reason: ErrorReason; params: MessageParams } | null,
) {
  await withOrganization(organizationId, (tx) =>
    tx.contactImport.update({
      where: { id: importId },
      data: { status, error: failure?.reason ?? null, errorParams: failure?.params ?? {} },
    }),
  );
}

async function wordsOf(organizationId: string) {
  const organization = await withOrganization(organizationId, (tx) =>
    tx.organization.findFirstOrThrow({ where: { id: organizationId }, select: { locale: true, timezone: true } }),
  );
  return organizationWords(organization);
}

async function storeReport(organizationId: string, csv: string): Promise<string> {
  const bytes = Buffer.from(csv, "utf8");
  const key = mediaKey(organizationId, bytes);
  await mediaStore().put(key, bytes, { contentType: "text/csv; charset=utf-8" });
  return key;
}
