import { withOrganization } from "../../db/tenant";
import { AppError } from "../../errors";
import { enqueue } from "../../jobs/enqueue";
import type { ImportMapping, LegalBasisValue } from "../../../shared/schemas/contacts";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { emitImportUpdated } from "./import/emit-import-updated";
import { contactImportDto, type ContactImportDto } from "./import/import-dto";
import { importMappingValue, startedSettingsOf, type StoredImportSettings } from "./import/import-settings";
import { loadImport } from "./import/load-import";
import { planImport } from "./import/plan-import";

/**
 * Starts writing an import whose file has been previewed: validates every row again (the job writes
 * exactly the valid ones and reports the rest), then marks the import running and enqueues the job
 * in the same transaction. A failed import can be started again: it resumes after its last committed
 * chunk (and re-writing a chunk changes nothing).
 */
export async function startContactImport(
  actor: Actor,
  input: { importId: string; mapping: ImportMapping; legalBasis?: LegalBasisValue | null; evidence?: string },
): Promise<ContactImportDto> {
  requireRole(actor, "admin", "adminsOnlyImport");
  const consentMapped = input.mapping.consent !== null && input.mapping.consent !== undefined;
  const evidence = input.evidence?.trim() || null;
  if (consentMapped && (!input.legalBasis || !evidence))
    throw new AppError("VALIDATION", "importConsentRequired", {
      fieldErrors: {
        ...(input.legalBasis ? {} : { legalBasis: [{ reason: "legalBasisRequired" }] }),
        ...(evidence ? {} : { evidence: [{ reason: "importEvidenceRequired" }] }),
      },
    });

  const record = await withOrganization(actor.organizationId, (tx) =>
    loadImport(tx, actor.organizationId, input.importId),
  );
  assertStartable(record.status);
  const plan = await planImport(actor.organizationId, record.fileKey, input.mapping);
  if (plan.validation.valid.length === 0) throw new AppError("VALIDATION", "importNoValidRows");

  const settings: StoredImportSettings = {
    columns: input.mapping,
    legalBasis: consentMapped ? (input.legalBasis ?? null) : null,
    evidence: consentMapped ? evidence : null,
  };
  const started = await withOrganization(actor.organizationId, async (tx) => {
    const current = await loadImport(tx, actor.organizationId, input.importId);
    assertStartable(current.status);
    // Resuming needs the very same rows in the same order; anything else starts the counts over.
    const previous = startedSettingsOf(current);
    const resume = current.status === "failed" && JSON.stringify(previous) === JSON.stringify(settings);
    const rejected = plan.validation.rejected.length;
    const updated = await tx.contactImport.update({
      where: { id: current.id },
      data: {
        status: "running",
        mapping: importMappingValue(settings),
        error: null,
        totalRows: plan.table.rows.length,
        ...(resume
          ? {}
          : {
              rejectedCount: rejected,
              processedRows: rejected,
              createdCount: 0,
              updatedCount: 0,
              unchangedCount: 0,
              reportKey: null,
              finishedAt: null,
            }),
      },
    });
    await enqueue("contacts.import", { organizationId: actor.organizationId, importId: current.id }, { tx });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: resume ? "contacts.import_resumed" : "contacts.import_started",
      targetType: "contact_import",
      targetId: current.id,
      metadata: {
        fileName: current.fileName,
        validRows: plan.validation.valid.length,
        rejectedRows: rejected,
        legalBasis: settings.legalBasis,
        evidence: settings.evidence,
      },
    });
    return updated;
  });
  await emitImportUpdated(actor.organizationId, started.id);
  return contactImportDto(started);
}

function assertStartable(status: string) {
  if (status === "running") throw new AppError("CONFLICT", "importAlreadyRunning");
  if (status === "completed") throw new AppError("CONFLICT", "importAlreadyCompleted");
}
