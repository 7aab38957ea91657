import { describeDisconnectReason } from "../../../shared/instance-reasons";
import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { roleAtLeast } from "../members/roles";
import { toInstanceDto, type InstanceDto } from "./instance-dto";
import { loadInstance } from "./load-instance";

export interface InstanceTimelineEntry {
  id: string;
  kind: string;
  state: string | null;
  /** A neutral disconnect reason code (src/shared/instance-reasons.ts). */
  statusReason: string | null;
  /** The reason code explained for people (pt-BR). */
  reason: string | null;
  detail: string | null;
  occurredAt: Date;
}

export interface InstanceDetailDto extends InstanceDto {
  qrDataUrl: string | null;
  pairingCode: string | null;
  timeline: InstanceTimelineEntry[];
}

export async function getInstance(
  actor: Actor,
  input: { instanceId: string; timelineLimit?: number },
): Promise<InstanceDetailDto> {
  return withOrganization(actor.organizationId, async (tx) => {
    const instance = await loadInstance(tx, actor.organizationId, input.instanceId);
    const events = await tx.instanceEvent.findMany({
      where: { organizationId: actor.organizationId, instanceId: instance.id },
      orderBy: { occurredAt: "desc" },
      take: input.timelineLimit ?? 100,
    });
    return {
      ...toInstanceDto(instance),
      // Pairing material links a phone to the organization's number: admins only.
      qrDataUrl: instance.state === "open" || !roleAtLeast(actor.role, "admin") ? null : instance.qrDataUrl,
      pairingCode: instance.state === "open" || !roleAtLeast(actor.role, "admin") ? null : instance.pairingCode,
      timeline: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        state: e.state,
        statusReason: e.statusReason,
        reason: describeDisconnectReason(e.statusReason),
        detail: e.detail,
        occurredAt: e.occurredAt,
      })),
    };
  });
}
