import type { ConnectionState } from "../../db/generated/enums";
import type { Tx } from "../../db/tenant";
import type { InstanceEventDetail } from "../../../shared/instance-reasons";
import type { DisconnectReason } from "../../whatsapp/provider";

export type InstanceEventKind =
  | "created"
  | "connection"
  | "pairing_started"
  | "qrcode"
  | "logout"
  | "action"
  | "watchdog_drop"
  | "watchdog_reconnect"
  | "watchdog_sync";

/** Appends to an instance's connection timeline inside the caller's transaction. */
export async function recordInstanceEvent(
  tx: Tx,
  event: {
    organizationId: string;
    instanceId: string;
    kind: InstanceEventKind;
    state?: ConnectionState | null;
    statusReason?: DisconnectReason | null;
    detail?: InstanceEventDetail | null;
    actorUserId?: string | null;
    occurredAt?: Date;
  },
): Promise<void> {
  await tx.instanceEvent.create({
    data: {
      organizationId: event.organizationId,
      instanceId: event.instanceId,
      kind: event.kind,
      state: event.state ?? null,
      statusReason: event.statusReason ?? null,
      detail: event.detail?.code ?? null,
      detailParams: event.detail?.params ?? {},
      actorUserId: event.actorUserId ?? null,
      occurredAt: event.occurredAt ?? new Date(),
    },
  });
}
