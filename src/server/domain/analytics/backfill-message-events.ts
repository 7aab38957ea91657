import { withOrganization } from "../../db/tenant";
import { reportingKinds } from "./reporting-kinds";

/**
 * Message in/out events for messages stored before reporting events existed, from the messages
 * themselves (received, or sent as far as WhatsApp confirmed). Keyed like the live events, so running
 * it again, or over messages that already have theirs, adds nothing.
 */
export async function backfillMessageEvents(input: { organizationId: string }): Promise<{ added: number }> {
  return withOrganization(
    input.organizationId,
    async (tx) => {
      const added = await tx.$executeRaw`
        INSERT INTO reporting_events (organization_id, occurred_at, kind, instance_id, conversation_id, contact_id,
          member_id, campaign_id, direction, message_type, dedupe_key)
        SELECT m.organization_id, m.sent_at,
          CASE WHEN m.direction = 'inbound' THEN ${reportingKinds.messageInbound} ELSE ${reportingKinds.messageOutbound} END,
          m.instance_id, m.conversation_id, COALESCE(m.sender_contact_id, c.contact_id), m.author_user_id, r.campaign_id,
          m.direction, m.type, mirage_message_event_key(m.instance_id, m.provider_message_id)
        FROM messages m
        JOIN conversations c ON c.id = m.conversation_id
        LEFT JOIN campaign_recipients r ON r.message_id = m.id
        WHERE m.organization_id = ${input.organizationId}::uuid AND m.provider_message_id IS NOT NULL
          AND ((m.direction = 'inbound' AND m.status = 'received')
            OR (m.direction = 'outbound' AND m.status IN ('sent', 'delivered', 'read', 'played')))
        ON CONFLICT (organization_id, dedupe_key) DO NOTHING`;
      return { added };
    },
    { timeoutMs: 600_000 },
  );
}
