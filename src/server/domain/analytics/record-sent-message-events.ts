import type { Tx } from "../../db/tenant";
import { fillBusinessDurations } from "./fill-business-durations";
import { reportingKinds } from "./reporting-kinds";

/**
 * Reporting events of sends just recorded (replies and campaign messages), in one statement: an
 * outbound event per message (keyed like its webhook echo, so the two count once) and, for a member's
 * reply, the conversation's first response when it answers inbound messages no person had answered
 * yet; its value is the seconds since the first of them (and its business-hours part). Run after the sends'
 * `sent_at` is recorded.
 */
export async function recordSentMessageEvents(tx: Tx, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  const answered = await tx.$queryRaw<{ organizationId: string; conversationId: string }[]>`
    WITH sent AS (
      SELECT m.id, m.organization_id, m.instance_id, m.conversation_id, c.contact_id, m.author_user_id, m.type, m.sent_at,
        m.provider_message_id, r.campaign_id
      FROM messages m
      JOIN conversations c ON c.id = m.conversation_id
      LEFT JOIN campaign_recipients r ON r.message_id = m.id
      WHERE m.id = ANY(${messageIds}::uuid[]) AND m.provider_message_id IS NOT NULL
    ),
    first_reply AS (
      SELECT DISTINCT ON (s.conversation_id) s.*
      FROM sent s WHERE s.author_user_id IS NOT NULL
      ORDER BY s.conversation_id, s.sent_at
    ),
    answered AS (
      SELECT f.*, (
        SELECT min(i.sent_at) FROM messages i
        WHERE i.conversation_id = f.conversation_id AND i.direction = 'inbound' AND i.sent_at <= f.sent_at
          AND i.sent_at > COALESCE((
            SELECT max(o.sent_at) FROM messages o
            WHERE o.conversation_id = f.conversation_id AND o.direction = 'outbound' AND o.id <> f.id
              AND o.sent_at < f.sent_at AND o.provider_message_id IS NOT NULL
              -- Answered by a person: a member's reply or one typed on the phone (never claimed by a
              -- worker); campaign sends and automatic confirmations answer no one.
              AND (o.author_user_id IS NOT NULL OR o.send_claimed_at IS NULL)
          ), '-infinity')
      ) AS waiting_since
      FROM first_reply f
    ),
    inserted AS (
    INSERT INTO reporting_events (organization_id, occurred_at, kind, instance_id, conversation_id, contact_id,
      member_id, campaign_id, direction, message_type, value, dedupe_key)
    SELECT s.organization_id, s.sent_at, ${reportingKinds.messageOutbound}, s.instance_id, s.conversation_id,
      s.contact_id, s.author_user_id, s.campaign_id, 'outbound'::"MessageDirection", s.type, NULL::float8,
      mirage_message_event_key(s.instance_id, s.provider_message_id)
    FROM sent s
    UNION ALL
    SELECT a.organization_id, a.sent_at, ${reportingKinds.firstResponse}, a.instance_id, a.conversation_id,
      a.contact_id, a.author_user_id, NULL, NULL, NULL::"MessageType", EXTRACT(EPOCH FROM a.sent_at - a.waiting_since)::float8,
      'first_response:' || a.conversation_id || ':' || (EXTRACT(EPOCH FROM a.waiting_since) * 1000)::bigint
    FROM answered a WHERE a.waiting_since IS NOT NULL
    -- The webhook echo may have been counted first: the send adds who wrote it and for which campaign.
    ON CONFLICT (organization_id, dedupe_key) DO UPDATE SET
      member_id = COALESCE(reporting_events.member_id, EXCLUDED.member_id),
      campaign_id = COALESCE(reporting_events.campaign_id, EXCLUDED.campaign_id)
    RETURNING organization_id, conversation_id, kind
    )
    SELECT DISTINCT organization_id::text AS "organizationId", conversation_id::text AS "conversationId"
    FROM inserted WHERE kind = ${reportingKinds.firstResponse}`;
  // Their business-hours durations need the organization's calendar (computed here, not in SQL).
  const byOrganization = new Map<string, string[]>();
  for (const row of answered)
    byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), row.conversationId]);
  for (const [organizationId, conversationIds] of byOrganization) {
    await fillBusinessDurations(tx, organizationId, { conversationIds });
  }
}
