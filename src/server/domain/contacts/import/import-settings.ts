import { parseJsonColumn, toJsonColumn } from "../../../db/json-column";
import { importMappingSchema, legalBases } from "../../../../shared/schemas/contacts";
import { z } from "../../../../shared/zod";

/**
 * What contact_imports.mapping holds once the import started: the chosen column mapping and the
 * legal basis and evidence every consent of this file is recorded with.
 */
export const storedImportSettings = z.object({
  columns: importMappingSchema,
  legalBasis: z.enum(legalBases).nullable().default(null),
  evidence: z.string().nullable().default(null),
});
export type StoredImportSettings = z.infer<typeof storedImportSettings>;

/** Before it starts: the mapping suggested at preview, or the one last validated. */
const previewedImportMapping = z.object({
  suggested: z.object({
    phone: z.number().int().nullable(),
    name: z.number().int().nullish(),
    tags: z.number().int().nullish(),
    consent: z.number().int().nullish(),
    fields: z.record(z.string(), z.number().int()),
  }),
});

/** contact_imports.mapping: previewed or started. */
export const importMappingColumn = z.union([storedImportSettings, previewedImportMapping]);

/** The settings of a started import, or null when it has only been previewed (no chosen mapping yet). */
export function startedSettingsOf(record: { id: string; mapping: unknown }): StoredImportSettings | null {
  const stored = parseJsonColumn(importMappingColumn, record.mapping, {
    table: "contact_imports",
    column: "mapping",
    id: record.id,
  });
  return "columns" in stored ? stored : null;
}

/** contact_imports.mapping as the preview, validate and start steps write it. */
export function importMappingValue(value: z.input<typeof importMappingColumn>) {
  return toJsonColumn(importMappingColumn, value);
}
