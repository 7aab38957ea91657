import type { Tx } from "../../db/tenant";
import { reportingKinds } from "./reporting-kinds";

export interface IngestedMessage {
  conversationId: string;
  providerMessageId: string;
  direction: "inbound" | "outbound";
  type: string;
  senderContactId: string | null;
  sentAt: Date;
}

/**
 * A webhook batch's reporting events in one statement: one in/out event per new message and one
 * "reopened" per closed conversation a customer wrote to. Runs before the batch's conversation update
 * reopens them (it reads the status that update is about to change).
 */
export async function recordIngestedMessageEvents(
  tx: Tx,
  context: { organizationId: string; instanceId: string },
  messages: readonly IngestedMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  const column = <T>(pick: (message: IngestedMessage) => T) => messages.map(pick);
  await tx.$executeRaw`
    WITH m AS (
      SELECT * FROM unnest(${column((m) => m.conversationId)}::uuid[], ${column((m) => m.providerMessageId)}::text[],
        ${column((m) => m.direction)}::text[], ${column((m) => m.type)}::text[],
        ${column((m) => m.senderContactId)}::uuid[], ${column((m) => m.sentAt)}::timestamptz[])
        AS m(conversation_id, provider_message_id, direction, type, sender_contact_id, sent_at)
    )
    INSERT INTO reporting_events (organization_id, occurred_at, kind, instance_id, conversation_id, contact_id,
      direction, message_type, dedupe_key)
    SELECT ${context.organizationId}::uuid, m.sent_at,
      CASE WHEN m.direction = 'inbound' THEN ${reportingKinds.messageInbound} ELSE ${reportingKinds.messageOutbound} END,
      ${context.instanceId}::uuid, m.conversation_id, COALESCE(m.sender_contact_id, c.contact_id),
      m.direction::"MessageDirection", m.type::"MessageType",
      mirage_message_event_key(${context.instanceId}::uuid, m.provider_message_id)
    FROM m JOIN conversations c ON c.id = m.conversation_id
    UNION ALL
    SELECT ${context.organizationId}::uuid, min(m.sent_at), ${reportingKinds.reopened}, ${context.instanceId}::uuid,
      c.id, c.contact_id, NULL, NULL, 'reopened:' || c.id || ':' || COALESCE((EXTRACT(EPOCH FROM c.closed_at) * 1000)::bigint::text, '')
    FROM m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.direction = 'inbound' AND c.status = 'closed'
    GROUP BY c.id, c.contact_id, c.closed_at
    ON CONFLICT (organization_id, dedupe_key) DO NOTHING`;
}
