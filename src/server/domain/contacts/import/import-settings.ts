import { z } from "zod";
import { importMappingSchema, legalBases } from "../../../../shared/schemas/contacts";

/**
 * What contact_imports.mapping holds: the column mapping (suggested at preview, chosen at start) and,
 * once started, the legal basis and evidence every consent of this file is recorded with.
 */
export const storedImportSettings = z.object({
  columns: importMappingSchema,
  legalBasis: z.enum(legalBases).nullable().default(null),
  evidence: z.string().nullable().default(null),
});
export type StoredImportSettings = z.infer<typeof storedImportSettings>;

/** The settings of a started import, or null when it has only been previewed (no chosen mapping yet). */
export function startedSettingsOf(json: unknown): StoredImportSettings | null {
  const parsed = storedImportSettings.safeParse(json);
  return parsed.success ? parsed.data : null;
}
