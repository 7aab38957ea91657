import type { Tx } from "../../db/tenant";
import { businessSecondsBetween } from "./business-seconds";
import { loadBusinessCalendar } from "./load-business-calendar";
import { recordReportingEvents } from "./record-reporting-events";
import { reportingKinds } from "./reporting-kinds";

interface ConversationRef {
  id: string;
  instanceId: string;
  contactId: string | null;
  createdAt: Date;
}

/**
 * A member changed a conversation's status: closing records "resolved" with the seconds since it was
 * opened (its last reopening, else its creation) and their business-hours part; closed → open records "reopened".
 */
export async function recordStatusChangeEvent(
  tx: Tx,
  input: {
    organizationId: string;
    memberId: string;
    conversation: ConversationRef;
    from: string;
    to: string;
    at: Date;
  },
): Promise<void> {
  const { conversation } = input;
  const base = {
    occurredAt: input.at,
    instanceId: conversation.instanceId,
    conversationId: conversation.id,
    contactId: conversation.contactId,
    memberId: input.memberId,
  };
  if (input.to === "closed") {
    const [reopened] = await tx.$queryRaw<{ at: Date | null }[]>`
      SELECT max(occurred_at) AS at FROM reporting_events
      WHERE conversation_id = ${conversation.id}::uuid AND kind = ${reportingKinds.reopened}`;
    const openedAt = reopened?.at ?? conversation.createdAt;
    const calendar = await loadBusinessCalendar(tx, input.organizationId);
    await recordReportingEvents(tx, input.organizationId, [
      {
        ...base,
        kind: reportingKinds.resolved,
        value: Math.max(0, (input.at.getTime() - openedAt.getTime()) / 1000),
        businessValue: businessSecondsBetween(openedAt, input.at, calendar),
      },
    ]);
  } else if (input.from === "closed") {
    await recordReportingEvents(tx, input.organizationId, [{ ...base, kind: reportingKinds.reopened }]);
  }
}

/** A conversation was assigned to a member (unassigning is not an event a manager counts). */
export async function recordAssignmentEvent(
  tx: Tx,
  input: { organizationId: string; conversation: ConversationRef; assigneeId: string | null; byMemberId: string },
): Promise<void> {
  if (!input.assigneeId) return;
  await recordReportingEvents(tx, input.organizationId, [
    {
      kind: reportingKinds.assigned,
      occurredAt: new Date(),
      instanceId: input.conversation.instanceId,
      conversationId: input.conversation.id,
      contactId: input.conversation.contactId,
      memberId: input.assigneeId,
      details: { by: input.byMemberId },
    },
  ]);
}
