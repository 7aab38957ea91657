import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import type { Keyset } from "./search-message-hits";
import { contactMatchesSql, type SearchTerms } from "./search-terms";

/** A common name fills a page from this many of the most recent conversations. */
const FIRST_WINDOW_CONVERSATIONS = 1_000;
/** Past this, reading every matching contact costs less than walking conversations. */
const MAX_WINDOW_CONVERSATIONS = 8_000;

type ContactHit = { id: string; at: Date };

/**
 * Conversations whose contact matches, by activity (keyset on activity time and id), after `before`.
 * The planner guesses how many contacts a fragment matches from a small sample, and a phone fragment
 * it overestimates ran as a walk over every conversation by activity. So the choice is made here: the
 * most recent conversations first (enough for a common name), then a window sized by the hit rate,
 * else every matching contact through the trigram index (a rare fragment matches few).
 */
export async function searchContactHits(
  tx: Tx,
  organizationId: string,
  terms: SearchTerms,
  before: Keyset | null,
  limit: number,
): Promise<ContactHit[]> {
  const after = before ? Prisma.sql`AND (c.last_activity_at, c.id) < (${before.at}, ${before.id}::uuid)` : Prisma.empty;
  const recent = (size: number) => tx.$queryRaw<ContactHit[]>`
    SELECT c.id, c.last_activity_at AS at
    FROM (SELECT id, contact_id, last_activity_at FROM conversations c
          WHERE organization_id = ${organizationId}::uuid ${after}
          ORDER BY last_activity_at DESC, id DESC LIMIT ${size}) c
    JOIN contacts ct ON ct.id = c.contact_id
    WHERE ct.organization_id = ${organizationId}::uuid AND ${contactMatchesSql(terms)}
    ORDER BY c.last_activity_at DESC, c.id DESC
    LIMIT ${limit}`;
  let hits = await recent(FIRST_WINDOW_CONVERSATIONS);
  if (hits.length >= limit) return hits;
  // A less common name: a window sized by the hit rate seen, twice over, when that stays cheap.
  const needed = hits.length && Math.ceil((2 * limit * FIRST_WINDOW_CONVERSATIONS) / hits.length);
  if (needed && needed <= MAX_WINDOW_CONVERSATIONS) {
    hits = await recent(needed);
    if (hits.length >= limit) return hits;
  }
  return tx.$queryRaw<ContactHit[]>`
    WITH matched AS MATERIALIZED (
      SELECT ct.id FROM contacts ct WHERE ct.organization_id = ${organizationId}::uuid AND ${contactMatchesSql(terms)})
    SELECT c.id, c.last_activity_at AS at
    FROM matched CROSS JOIN LATERAL (
      SELECT id, last_activity_at FROM conversations c
      WHERE c.contact_id = matched.id AND c.organization_id = ${organizationId}::uuid ${after}) c
    ORDER BY c.last_activity_at DESC, c.id DESC
    LIMIT ${limit}`;
}
