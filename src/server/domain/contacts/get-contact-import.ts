import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { contactImportDto, type ContactImportDto } from "./import/import-dto";
import { loadImport } from "./import/load-import";

/** An import's status and counters (the wizard polls it on each contact-import.updated event). */
export async function getContactImport(actor: Actor, input: { importId: string }): Promise<ContactImportDto> {
  requireRole(actor, "admin", "adminsOnlyImport");
  return withOrganization(actor.organizationId, async (tx) =>
    contactImportDto(await loadImport(tx, actor.organizationId, input.importId)),
  );
}

/** The organization's recent imports, newest first. */
export async function listContactImports(actor: Actor): Promise<ContactImportDto[]> {
  requireRole(actor, "admin", "adminsOnlyImport");
  return withOrganization(actor.organizationId, async (tx) => {
    const records = await tx.contactImport.findMany({
      where: { organizationId: actor.organizationId },
      orderBy: { createdAt: "desc" },
      take: 20,
    });
    return records.map(contactImportDto);
  });
}
