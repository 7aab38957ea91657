import { withOrganization } from "../../db/tenant";
import { scheduleForOrganization } from "../../jobs/enqueue";
import { DATA_SUBJECT_REQUEST_DAYS, type DataSubjectRequestKindValue } from "../../../shared/schemas/privacy";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { requestSelect, toDataSubjectRequestDto, type DataSubjectRequestDto } from "./data-subject-request-dto";
import { loadPerson } from "./load-person";

const DAY_MS = 86_400_000;

/**
 * Registers a data-subject request for a contact; the 15-day clock (LGPD Art. 19, calendar days)
 * starts when the person asked. The reminder schedule of the organization is created on demand.
 */
export async function registerDataSubjectRequest(
  actor: Actor,
  input: { contactId: string; kind: DataSubjectRequestKindValue; receivedAt?: string },
): Promise<DataSubjectRequestDto> {
  requireRole(actor, "admin");
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
  const dto = await withOrganization(actor.organizationId, async (tx) => {
    const contact = await loadPerson(tx, actor.organizationId, input.contactId);
    const row = await tx.dataSubjectRequest.create({
      data: {
        organizationId: actor.organizationId,
        contactId: contact.id,
        kind: input.kind,
        receivedAt,
        dueAt: new Date(receivedAt.getTime() + DATA_SUBJECT_REQUEST_DAYS * DAY_MS),
        createdById: actor.userId,
      },
      select: requestSelect,
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "privacy.request_registered",
      targetType: "data_subject_request",
      targetId: row.id,
      metadata: { kind: row.kind, contactId: contact.id, dueAt: row.dueAt.toISOString() },
    });
    return toDataSubjectRequestDto(row, contact.name ?? contact.pushName);
  });
  await scheduleForOrganization("privacy.reminders", actor.organizationId);
  return dto;
}
