import { withOrganization } from "../../db/tenant";
import type { ContactFilter } from "../../../shared/schemas/contacts";
import type { Actor } from "../members/actor";
import { contactFilterSql } from "./contact-filter";

/** How many contacts match `filter` (what an export or a campaign audience of it would hold). */
export async function countContacts(actor: Actor, input: { filter?: ContactFilter }): Promise<{ count: number }> {
  return withOrganization(actor.organizationId, async (tx) => {
    const [row] = await tx.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM contacts ct
      WHERE ${contactFilterSql(input.filter ?? {}, { organizationId: actor.organizationId })}`;
    return { count: row?.count ?? 0 };
  });
}
