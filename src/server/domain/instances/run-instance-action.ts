import { withOrganization } from "../../db/tenant";
import type { InstanceEventDetailCode } from "../../../shared/instance-reasons";
import { emitToOrganization } from "../../realtime/emitter";
import { whatsappProviderFor } from "../../whatsapp";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../members/actor";
import { loadInstance } from "./load-instance";
import { recordInstanceEvent } from "./record-instance-event";

export type InstanceAction = "restart" | "logout" | "delete";

const actionDetails: Record<InstanceAction, InstanceEventDetailCode> = {
  restart: "restarted_by_member",
  logout: "logged_out_by_member",
  delete: "deleted_by_member",
};

/**
 * Restart, logout or delete, each audited and on the timeline. Evolution is asked first: a refusal
 * leaves Mirage's record as it was. Reconnect is `connectInstance`.
 */
export async function runInstanceAction(
  actor: Actor,
  input: { instanceId: string; action: InstanceAction },
): Promise<void> {
  const instance = await withOrganization(actor.organizationId, (tx) =>
    loadInstance(tx, actor.organizationId, input.instanceId),
  );
  const provider = whatsappProviderFor(instance);
  if (input.action === "restart") await provider.restart(instance.providerName);
  if (input.action === "logout") await provider.logout(instance.providerName);
  if (input.action === "delete") await provider.deleteInstance(instance.providerName);

  await withOrganization(actor.organizationId, async (tx) => {
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: `instance.${input.action}`,
      targetType: "instance",
      targetId: instance.id,
      metadata: { name: instance.name, phoneNumber: instance.phoneNumber },
    });
    if (input.action === "delete") {
      await tx.instance.delete({ where: { id: instance.id } });
      return;
    }
    await recordInstanceEvent(tx, {
      organizationId: actor.organizationId,
      instanceId: instance.id,
      kind: "action",
      detail: { code: actionDetails[input.action] },
      actorUserId: actor.userId,
    });
    if (input.action === "logout") {
      // A deliberate logout is not a drop: the watchdog must not try to bring it back.
      await tx.instance.update({
        where: { id: instance.id },
        data: {
          state: "close",
          stateReason: "logged_out",
          downSince: null,
          reconnectAttempts: 0,
          nextReconnectAt: null,
          qrDataUrl: null,
          pairingCode: null,
        },
      });
    }
  });
  await emitToOrganization(actor.organizationId, "instance.updated", {
    instanceId: instance.id,
    state: input.action === "logout" || input.action === "delete" ? "close" : instance.state,
  });
}
