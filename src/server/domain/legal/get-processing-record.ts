import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { buildProcessingRecord, type ProcessingRecord } from "./processing-record";

/** Configurações → Legal: the record of processing as the configuration stands now. */
export async function getProcessingRecord(actor: Actor): Promise<ProcessingRecord> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, (tx) => buildProcessingRecord(tx, actor.organizationId));
}
