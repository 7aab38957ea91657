import { logger } from "../../../logger";
import { emitToOrganization } from "../../../realtime/emitter";

/** Tells the organization's browsers an import moved (progress, completion, failure). After commit. */
export async function emitImportUpdated(organizationId: string, importId: string): Promise<void> {
  await emitToOrganization(organizationId, "contact-import.updated", { importId }).catch((error) =>
    logger.warn({ err: error }, "realtime emit failed"),
  );
}
