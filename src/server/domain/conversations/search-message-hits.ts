import { Prisma } from "../../db/generated/client";
import type { Tx } from "../../db/tenant";
import { contactMatchesSql, type SearchTerms } from "./search-terms";

/** A conversation's newest message matching the search, after the cursor. */
export interface MessageHit {
  conversationId: string;
  messageId: string;
  sentAt: Date;
  text: string;
}

export interface Keyset {
  at: Date;
  id: string;
}

/** The first window holds about this many of the newest messages, whatever the inbox's volume. */
const FIRST_WINDOW_MESSAGES = 2_000;
/** Windows under a second would only add round trips. */
const MIN_WINDOW_MS = 1_000;

/**
 * Conversations whose messages match, one per conversation at its newest hit, newest first, older than
 * `before` (a keyset on the hit's time and id), leaving out conversations whose contact matches (they
 * are contact hits). Common words match tens of thousands of messages, and sorting them all for one
 * page is what made search slow: so this searches a window of the newest messages and widens it until
 * `limit` conversations are found or the window covers everything. The window bounds the work, never
 * the result: a window's hits are exact for its span, and each wider window contains the narrower.
 */
export async function searchMessageHits(
  tx: Tx,
  organizationId: string,
  terms: SearchTerms,
  before: Keyset | null,
  limit: number,
): Promise<MessageHit[]> {
  const [edges] = await tx.$queryRaw<{ newest: Date | null; edge: Date | null; oldest: Date | null }[]>`
    SELECT
      (SELECT sent_at FROM messages WHERE organization_id = ${organizationId}::uuid ${olderThan(before)}
       ORDER BY sent_at DESC, id DESC LIMIT 1) AS newest,
      (SELECT sent_at FROM messages WHERE organization_id = ${organizationId}::uuid ${olderThan(before)}
       ORDER BY sent_at DESC, id DESC OFFSET ${FIRST_WINDOW_MESSAGES} LIMIT 1) AS edge,
      (SELECT min(sent_at) FROM messages WHERE organization_id = ${organizationId}::uuid) AS oldest`;
  if (!edges?.newest) return [];
  const newest = edges.newest.getTime();
  const oldest = edges.oldest?.getTime() ?? -Infinity;
  // Fewer messages left than one window holds: one exhaustive search.
  let width = edges.edge ? Math.max(MIN_WINDOW_MS, newest - edges.edge.getTime()) : Infinity;
  for (let first = true; ; first = false) {
    const since = newest - width > oldest ? new Date(newest - width) : null;
    const window = since ? { since, scan: first } : null;
    const hits = await hitsInWindow(tx, organizationId, terms, before, window, limit);
    if (hits.length >= limit || since === null) return hits;
    // Widen in proportion to what is still missing (at least fourfold), so rare words take few steps.
    width *= hits.length === 0 ? 64 : Math.min(64, Math.max(4, Math.ceil((2 * limit) / hits.length)));
  }
}

function olderThan(before: Keyset | null): Prisma.Sql {
  return before ? Prisma.sql`AND (sent_at, id) < (${before.at}, ${before.id}::uuid)` : Prisma.empty;
}

/**
 * Newest hit per conversation among the messages sent since `window.since` (no window: all) and before
 * `before`. The first window is read through the time index and filtered row by row (`scan`), so it
 * costs FIRST_WINDOW_MESSAGES rows however large the inbox and however common the word: the full-text
 * index would first collect every match in the inbox. Wider windows use the full-text index.
 */
function hitsInWindow(
  tx: Tx,
  organizationId: string,
  terms: SearchTerms,
  before: Keyset | null,
  window: { since: Date; scan: boolean } | null,
  limit: number,
): Promise<MessageHit[]> {
  const inWindow = window ? Prisma.sql`AND sent_at >= ${window.since} ${olderThan(before)}` : olderThan(before);
  // OFFSET 0 keeps the planner from pushing the full-text match into the scan.
  const rows = window?.scan
    ? Prisma.sql`(SELECT id, organization_id, conversation_id, sent_at, body, transcript, media_file_name, search_vector,
        revoked_at
        FROM messages WHERE organization_id = ${organizationId}::uuid ${inWindow} OFFSET 0)`
    : Prisma.raw("messages");
  const matches = (alias: string) =>
    Prisma.sql`${Prisma.raw(alias)}.search_vector @@ websearch_to_tsquery('mirage_portuguese', ${terms.text})
      AND ${Prisma.raw(alias)}.revoked_at IS NULL`;
  // A conversation with a hit at or after the cursor was listed on an earlier page, at that hit.
  const listedEarlier = before
    ? Prisma.sql`AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.conversation_id = h.conversation_id
        AND (n.sent_at, n.id) >= (${before.at}, ${before.id}::uuid) AND ${matches("n")})`
    : Prisma.empty;
  return tx.$queryRaw<MessageHit[]>`
    SELECT h.conversation_id AS "conversationId", h.id AS "messageId", h.sent_at AS "sentAt", h.text
    FROM (
      SELECT DISTINCT ON (conversation_id) conversation_id, id, sent_at, coalesce(body, transcript, media_file_name, '') AS text
      FROM ${rows} m
      WHERE organization_id = ${organizationId}::uuid AND ${matches("m")} ${inWindow}
      ORDER BY conversation_id, sent_at DESC, id DESC
    ) h
    JOIN conversations c ON c.id = h.conversation_id
    LEFT JOIN contacts ct ON ct.id = c.contact_id
    WHERE c.organization_id = ${organizationId}::uuid AND NOT coalesce(${contactMatchesSql(terms)}, false)
      ${listedEarlier}
    ORDER BY h.sent_at DESC, h.id DESC
    LIMIT ${limit}`;
}
