import type { Tx } from "../../db/tenant";

/** A new message row, written with the rest of its batch in one statement. */
export interface NewMessageRow {
  id: string;
  conversationId: string;
  providerMessageId: string;
  direction: "inbound" | "outbound";
  type: string;
  body: string | null;
  status: string;
  senderContactId: string | null;
  senderName: string | null;
  sentAt: Date;
  quotedProviderMessageId: string | null;
  details: string | null;
  mediaMimeType: string | null;
  mediaFileName: string | null;
  mediaSize: number | null;
  mediaStatus: "pending" | null;
}

/**
 * The batch's view disagrees with the database (another process recorded one of its messages meanwhile):
 * the batch is rolled back and applied again with a fresh read-ahead.
 */
export class StaleBatchError extends Error {
  constructor(expected: number, written: number) {
    super(`stale batch: ${written} of ${expected} rows written`);
    this.name = "StaleBatchError";
  }
}

/**
 * Inserts new messages in one statement. Every row was checked absent by the batch's read-ahead; one
 * that turns out to exist means the batch is stale, and it is thrown so the batch is applied again.
 */
export async function insertMessages(
  tx: Tx,
  context: { organizationId: string; instanceId: string },
  rows: NewMessageRow[],
): Promise<void> {
  if (!rows.length) return;
  const column = <K extends keyof NewMessageRow>(key: K) => rows.map((row) => row[key]);
  const written = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO messages (id, organization_id, instance_id, conversation_id, provider_message_id, direction, type, body,
      status, sender_contact_id, sender_name, sent_at, quoted_provider_message_id, details,
      media_mime_type, media_file_name, media_size, media_status, created_at, updated_at)
    SELECT m.id, ${context.organizationId}::uuid, ${context.instanceId}::uuid, m.conversation_id, m.provider_message_id,
      m.direction::"MessageDirection", m.type::"MessageType", m.body, m.status::"MessageStatus", m.sender_contact_id,
      m.sender_name, m.sent_at, m.quoted_provider_message_id, m.details::jsonb, m.media_mime_type, m.media_file_name,
      m.media_size, m.media_status::"MediaStatus", now(), now()
    FROM unnest(${column("id")}::uuid[], ${column("conversationId")}::uuid[], ${column("providerMessageId")}::text[],
      ${column("direction")}::text[], ${column("type")}::text[], ${column("body")}::text[], ${column("status")}::text[],
      ${column("senderContactId")}::uuid[], ${column("senderName")}::text[], ${column("sentAt")}::timestamptz[],
      ${column("quotedProviderMessageId")}::text[], ${column("details")}::text[], ${column("mediaMimeType")}::text[],
      ${column("mediaFileName")}::text[], ${column("mediaSize")}::int[], ${column("mediaStatus")}::text[])
      WITH ORDINALITY AS m(id, conversation_id, provider_message_id, direction, type, body, status, sender_contact_id,
        sender_name, sent_at, quoted_provider_message_id, details, media_mime_type, media_file_name, media_size,
        media_status, ord)
    ORDER BY m.ord
    ON CONFLICT (instance_id, provider_message_id) DO NOTHING
    RETURNING id`;
  if (written.length !== rows.length) throw new StaleBatchError(rows.length, written.length);
}
