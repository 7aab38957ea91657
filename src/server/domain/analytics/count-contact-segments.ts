import type { Tx } from "../../db/tenant";
import { consentStatuses, type ConsentStatusValue, type ContactFilter } from "../../../shared/schemas/contacts";
import { contactFilterSql } from "../contacts/contact-filter";

/** Tags shown on the dashboard at most (by name); the contacts list filters any of them. */
const MAX_TAGS = 30;

export interface ContactSegments {
  consent: { consent: ConsentStatusValue; count: number }[];
  tags: { tagId: string; name: string; count: number }[];
}

async function countOf(tx: Tx, organizationId: string, filter: ContactFilter): Promise<number> {
  const [row] = await tx.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM contacts ct WHERE ${contactFilterSql(filter, { organizationId })}`;
  return row?.count ?? 0;
}

/**
 * The contact base by consent and by tag. Each count is the contact list's own filter (contactFilterSql),
 * so a cell and the /contacts list it links to always show the same number.
 */
export async function countContactSegments(tx: Tx, organizationId: string): Promise<ContactSegments> {
  const consent = [];
  for (const status of consentStatuses)
    consent.push({ consent: status, count: await countOf(tx, organizationId, { consent: [status] }) });
  const tags = await tx.tag.findMany({
    where: { organizationId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: MAX_TAGS,
  });
  const tagCounts = [];
  for (const tag of tags)
    tagCounts.push({ tagId: tag.id, name: tag.name, count: await countOf(tx, organizationId, { tagIds: [tag.id] }) });
  return { consent, tags: tagCounts };
}
