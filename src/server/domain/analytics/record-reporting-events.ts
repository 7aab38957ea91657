import type { Tx } from "../../db/tenant";
import type { ReportingKind } from "./reporting-kinds";

export interface ReportingEventInput {
  kind: ReportingKind;
  occurredAt: Date;
  instanceId?: string | null;
  conversationId?: string | null;
  contactId?: string | null;
  memberId?: string | null;
  campaignId?: string | null;
  direction?: "inbound" | "outbound" | null;
  messageType?: string | null;
  value?: number | null;
  /** `value` counting only the organization's business hours. */
  businessValue?: number | null;
  details?: Record<string, unknown>;
  /** Same key, same fact: a retried transaction or a second path to the same message records nothing new. */
  dedupeKey?: string | null;
}

/** Writes a batch of reporting events in one statement, inside the caller's transaction. */
export async function recordReportingEvents(
  tx: Tx,
  organizationId: string,
  events: readonly ReportingEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  const column = <T>(pick: (event: ReportingEventInput) => T) => events.map(pick);
  await tx.$executeRaw`
    INSERT INTO reporting_events (organization_id, occurred_at, kind, instance_id, conversation_id, contact_id,
      member_id, campaign_id, direction, message_type, value, business_value, details, dedupe_key)
    SELECT ${organizationId}::uuid, e.occurred_at, e.kind, e.instance_id, e.conversation_id, e.contact_id, e.member_id,
      e.campaign_id, e.direction::"MessageDirection", e.message_type::"MessageType", e.value, e.business_value, e.details::jsonb, e.dedupe_key
    FROM unnest(${column((e) => e.occurredAt)}::timestamptz[], ${column((e) => e.kind)}::text[],
      ${column((e) => e.instanceId ?? null)}::uuid[], ${column((e) => e.conversationId ?? null)}::uuid[],
      ${column((e) => e.contactId ?? null)}::uuid[], ${column((e) => e.memberId ?? null)}::uuid[],
      ${column((e) => e.campaignId ?? null)}::uuid[], ${column((e) => e.direction ?? null)}::text[],
      ${column((e) => e.messageType ?? null)}::text[], ${column((e) => e.value ?? null)}::float8[],
      ${column((e) => e.businessValue ?? null)}::float8[],
      ${column((e) => JSON.stringify(e.details ?? {}))}::text[], ${column((e) => e.dedupeKey ?? null)}::text[])
      AS e(occurred_at, kind, instance_id, conversation_id, contact_id, member_id, campaign_id, direction,
        message_type, value, business_value, details, dedupe_key)
    ON CONFLICT (organization_id, dedupe_key) DO NOTHING`;
}
