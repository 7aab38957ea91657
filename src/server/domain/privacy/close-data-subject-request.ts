import { withOrganization, type Tx } from "../../db/tenant";
import { AppError } from "../../errors";
import type { dataSubjectRequestOutcomes } from "../../../shared/schemas/privacy";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { requireRole } from "../members/require-role";
import { requestSelect, toDataSubjectRequestDto, type DataSubjectRequestDto } from "./data-subject-request-dto";

type Outcome = (typeof dataSubjectRequestOutcomes)[number];

/** Closes an open request with its outcome (a code). Closing again with the same outcome changes nothing. */
export async function closeDataSubjectRequest(
  actor: Actor,
  input: { requestId: string; outcome: Outcome },
): Promise<DataSubjectRequestDto> {
  requireRole(actor, "admin");
  return withOrganization(actor.organizationId, async (tx) => {
    const row = await closeRequestInTx(tx, actor, input);
    const contact = row.contactId
      ? await tx.contact.findFirst({ where: { id: row.contactId }, select: { name: true, pushName: true } })
      : null;
    return toDataSubjectRequestDto(row, contact ? (contact.name ?? contact.pushName) : null);
  });
}

/** The closing itself, inside the caller's transaction (an erasure closes its request with it). */
export async function closeRequestInTx(tx: Tx, actor: Actor, input: { requestId: string; outcome: Outcome }) {
  const current = await tx.dataSubjectRequest.findFirst({
    where: { id: input.requestId, organizationId: actor.organizationId },
    select: requestSelect,
  });
  if (!current) throw new AppError("NOT_FOUND", "dataSubjectRequestNotFound");
  if (current.status === "closed") {
    if (current.outcome === input.outcome) return current;
    throw new AppError("CONFLICT", "dataSubjectRequestClosed");
  }
  const row = await tx.dataSubjectRequest.update({
    where: { id: current.id },
    data: { status: "closed", outcome: input.outcome, closedAt: new Date(), closedById: actor.userId },
    select: requestSelect,
  });
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "privacy.request_closed",
    targetType: "data_subject_request",
    targetId: row.id,
    metadata: { kind: row.kind, outcome: input.outcome, onTime: row.closedAt! <= row.dueAt },
  });
  return row;
}
