import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import type { ImportMapping } from "../../../shared/schemas/contacts";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { importMappingValue } from "./import/import-settings";
import { loadImport } from "./import/load-import";
import { planImport, type ImportPlan } from "./import/plan-import";
import type { validateContactImportOutput } from "./contact-outputs";
import type { z } from "../../../shared/zod";

export type ImportReport = z.infer<typeof validateContactImportOutput>;

const MAX_REJECTED_SHOWN = 500;
const MAX_NEW_TAGS_SHOWN = 50;

/**
 * The import's preview report, before anything is written: how many rows are valid, why each
 * rejected row is rejected (invalid phone, duplicate in the file…), how many contacts are new or
 * already known, how the consent column reads. Saves the mapping as the import's current choice.
 */
export async function validateContactImport(
  actor: Actor,
  input: { importId: string; mapping: ImportMapping },
): Promise<ImportReport> {
  requireRole(actor, "admin", "adminsOnlyImport");
  const record = await withOrganization(actor.organizationId, (tx) =>
    loadImport(tx, actor.organizationId, input.importId),
  );
  if (record.status === "running" || record.status === "completed")
    throw new AppError("CONFLICT", "importAlreadyStarted");
  const plan = await planImport(actor.organizationId, record.fileKey, input.mapping);
  return withOrganization(actor.organizationId, async (tx) => {
    await tx.contactImport.update({
      where: { id: record.id },
      data: { mapping: importMappingValue({ suggested: input.mapping }) },
    });
    // Validating writes no contact, but it does store the mapping chosen: that choice is recorded.
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "contacts.import_validated",
      targetType: "contact_import",
      targetId: record.id,
      metadata: { valid: plan.validation.valid.length, rejected: plan.validation.rejected.length },
    });
    return importReport(tx, actor.organizationId, record.id, plan, input.mapping, record.fileName);
  });
}

async function importReport(
  tx: Tx,
  organizationId: string,
  importId: string,
  plan: ImportPlan,
  mapping: ImportMapping,
  fileName: string,
): Promise<ImportReport> {
  const { valid, rejected, duplicates, consentValues } = plan.validation;
  const phones = valid.map((row) => row.phoneE164);
  const existing = await tx.$queryRaw<{ phone_e164: string; consent_status: string }[]>`
    SELECT phone_e164, consent_status::text FROM contacts
    WHERE organization_id = ${organizationId}::uuid AND phone_e164 = ANY(${phones}::text[])`;
  const existingStatus = new Map(existing.map((row) => [row.phone_e164, row.consent_status]));

  const knownTags = await tx.tag.findMany({ where: { organizationId }, select: { name: true } });
  const known = new Set(knownTags.map((tag) => tag.name.toLocaleLowerCase("pt-BR")));
  const newTags = new Map<string, string>();
  for (const row of valid)
    for (const tag of row.tags) {
      const key = tag.toLocaleLowerCase("pt-BR");
      if (!known.has(key) && !newTags.has(key)) newTags.set(key, tag);
    }

  const consentMapped = mapping.consent !== null && mapping.consent !== undefined;
  const count = (status: string | null) => valid.filter((row) => row.consent === status).length;
  return {
    importId,
    totalRows: plan.table.rows.length,
    validRows: valid.length,
    rejectedRows: rejected.length,
    duplicateRows: duplicates,
    newContacts: valid.length - existing.length,
    existingContacts: existing.length,
    rejected: rejected.slice(0, MAX_REJECTED_SHOWN).map((row) => ({
      rowNumber: row.rowNumber,
      phone: row.phone,
      issues: row.issues,
      duplicateOf: row.duplicateOf ?? null,
    })),
    consent: consentMapped
      ? {
          optedIn: count("opted_in"),
          optedOut: count("opted_out"),
          blank: count(null),
          optOutKept: valid.filter(
            (row) => row.consent === "opted_in" && existingStatus.get(row.phoneE164) === "opted_out",
          ).length,
          values: consentValues,
        }
      : null,
    newTags: [...newTags.values()].slice(0, MAX_NEW_TAGS_SHOWN),
    newTagCount: newTags.size,
    suggestedEvidence: consentMapped ? `Planilha ${fileName}, coluna ${plan.table.columns[mapping.consent!]}` : null,
  };
}
