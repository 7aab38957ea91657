import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { requestSelect, toDataSubjectRequestDto, type DataSubjectRequestDto } from "./data-subject-request-dto";

const MAX_LISTED = 500;

/** The organization's requests, open ones by due date first. */
export async function listDataSubjectRequests(
  actor: Actor,
  input: { status?: "open" | "closed"; contactId?: string },
): Promise<DataSubjectRequestDto[]> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, async (tx) => {
    const rows = await tx.dataSubjectRequest.findMany({
      where: { organizationId: actor.organizationId, status: input.status, contactId: input.contactId },
      select: requestSelect,
      orderBy: [{ status: "asc" }, { dueAt: "asc" }],
      take: MAX_LISTED,
    });
    const contactIds = [...new Set(rows.flatMap((row) => (row.contactId ? [row.contactId] : [])))];
    const contacts = await tx.contact.findMany({
      where: { id: { in: contactIds } },
      select: { id: true, name: true, pushName: true },
    });
    const names = new Map(contacts.map((contact) => [contact.id, contact.name ?? contact.pushName]));
    return rows.map((row) => toDataSubjectRequestDto(row, row.contactId ? (names.get(row.contactId) ?? null) : null));
  });
}
