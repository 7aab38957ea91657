import { instanceEventDetailSchema } from "../../../shared/schemas/instances";
import { withOrganization } from "../../db/tenant";
import type { Actor } from "../members/actor";
import { roleAtLeast } from "../members/roles";
import { toInstanceDto } from "./instance-dto";
import { loadInstance } from "./load-instance";
import type { getInstanceOutput } from "./instance-outputs";
import type { z } from "../../../shared/zod";

export type InstanceTimelineEntry = InstanceDetailDto["timeline"][number];

export type InstanceDetailDto = z.infer<typeof getInstanceOutput>;

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
        detail: instanceEventDetailSchema.safeParse({ code: e.detail, params: e.detailParams }).data ?? null,
        occurredAt: e.occurredAt,
      })),
    };
  });
}
