import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import type { Keyset } from "./search-message-hits";
import { contactMatchesSql, type SearchTerms } from "./search-terms";

/** Conversations whose contact matches, by activity (keyset on activity time and id), after `before`. */
export function searchContactHits(
  tx: Tx,
  organizationId: string,
  terms: SearchTerms,
  before: Keyset | null,
  limit: number,
): Promise<{ id: string; at: Date }[]> {
  return tx.$queryRaw<{ id: string; at: Date }[]>`
    SELECT c.id, c.last_activity_at AS at FROM contacts ct JOIN conversations c ON c.contact_id = ct.id
    WHERE ct.organization_id = ${organizationId}::uuid AND c.organization_id = ${organizationId}::uuid
      AND ${contactMatchesSql(terms)}
      ${before ? Prisma.sql`AND (c.last_activity_at, c.id) < (${before.at}, ${before.id}::uuid)` : Prisma.empty}
    ORDER BY c.last_activity_at DESC, c.id DESC
    LIMIT ${limit}`;
}
